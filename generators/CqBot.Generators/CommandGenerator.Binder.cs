using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CqBot.Generators.Declarations;
using CqBot.Generators.Model;

namespace CqBot.Generators;

// No modifiers here: the file is also compiled into CqBot.Analyzers, where the class is internal.
partial class CommandGenerator
{
    /// <summary>
    /// The pure side of the command pipeline: parses the declaration of a <see cref="CommandSource"/> and
    /// binds the method's parameters to it, giving a <see cref="CommandModel"/> or diagnostics. It reads
    /// no symbols, so the driver runs it only for commands whose source facts changed.
    /// </summary>
    internal static partial class Binder
    {
        /// <summary>
        /// Parses the declaration and binds the method's parameters to its arguments and options. The
        /// driver runs this only for commands whose <see cref="CommandSource"/> changed.
        /// </summary>
        public static CommandResult Bind(CommandSource source, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>(source.TypeDiagnostics);
            CommandDeclaration? declaration = null;
            if (source.DeclarationText is not null)
            {
                declaration = CommandDeclaration.TryParse(source.DeclarationText, out var error);
                if (declaration is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidDeclaration, source.DeclarationLocation, source.DeclarationText, error ?? "unknown error"));
                }
            }
            if (source.ReturnDiagnostic is not null)
            {
                diagnostics.Add(source.ReturnDiagnostic);
            }
            CheckLimits(source.Limits, diagnostics, out var minIntervalTicks);

            if (declaration is null || source.ContainingType is null || source.ReturnKind is null)
            {
                return new CommandResult(null, null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            var aliases = new string[source.Aliases.Count];
            var aliasNames = new string[aliases.Length];
            for (var i = 0; i < aliases.Length; i++)
            {
                aliases[i] = NormalizeAlias(source.Aliases[i]);
                var space = aliases[i].IndexOf(' ');
                aliasNames[i] = space < 0 ? aliases[i] : aliases[i].Substring(0, space);
            }
            var identity = new CommandIdentity(declaration.Name, new EquatableArray<string>(aliasNames), source.ContainingType.Name + "." + source.MethodName, source.DeclarationLocation);

            CheckArgumentOrder(declaration, source.DeclarationLocation, diagnostics);
            var binder = new ParameterBinder(source, declaration, diagnostics, cancellationToken);
            binder.Bind();
            if (diagnostics.Count > 0)
            {
                return new CommandResult(null, identity, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            var model = new CommandModel(
                source.ContainingType,
                source.MethodName,
                source.IsStatic,
                declaration.Name,
                declaration.Parent,
                declaration.Path,
                new EquatableArray<string>(aliases),
                source.Description,
                declaration.Usage,
                source.UsageText,
                source.Examples,
                source.Hidden,
                source.StrictOptions,
                source.Limits?.Authority ?? 1,
                source.Limits?.MaxUsage ?? 0,
                minIntervalTicks,
                new EquatableArray<ArgumentModel>(binder.Arguments),
                new EquatableArray<OptionModel>(binder.Options.ToArray()),
                new EquatableArray<ParameterModel>(binder.Parameters.ToArray()),
                source.ReturnKind.Value,
                source.ConstructorServices,
                source.Shortcuts,
                new EquatableArray<CheckModel>(ApplicableChecks(source.Checks, declaration.Name, diagnostics)));
            if (diagnostics.Count > 0)
            {
                return new CommandResult(null, identity, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }
            return new CommandResult(model, identity, EquatableArray<DiagnosticInfo>.Empty);
        }

        /// <summary>
        /// Reports each argument that input can never reach: one after a <c>text</c> or variadic argument,
        /// which takes the rest of the input, or a required one after an optional one, which input fills first.
        /// </summary>
        private static void CheckArgumentOrder(CommandDeclaration declaration, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            DeclaredArgument? takesRest = null;
            DeclaredArgument? optional = null;
            foreach (var argument in declaration.Arguments)
            {
                if (takesRest is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnreachableArgument, location?.Within(argument.Start, argument.Length),
                        argument.Name, declaration.Name, takesRest.Name, takesRest.Variadic ? "variadic" : "text"));
                }
                else if (argument.Required && optional is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.RequiredAfterOptional, location?.Within(argument.Start, argument.Length),
                        argument.Name, declaration.Name, optional.Name));
                }
                if (argument.TakesRest)
                {
                    takesRest ??= argument;
                }
                if (!argument.Required)
                {
                    optional ??= argument;
                }
            }
        }

        /// <summary>Checks the limits a command declares, reports each invalid one, and reads the least interval.</summary>
        private static void CheckLimits(CommandLimitsSource? limits, List<DiagnosticInfo> diagnostics, out long minIntervalTicks)
        {
            minIntervalTicks = 0;
            if (limits is null)
            {
                return;
            }
            if (limits.Authority is < 1 or > 5)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.AuthorityOutOfRange, limits.AuthorityLocation, limits.Authority.ToString(CultureInfo.InvariantCulture)));
            }
            if (limits.MaxUsage < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.NegativeMaxUsage, limits.MaxUsageLocation, limits.MaxUsage.ToString(CultureInfo.InvariantCulture)));
            }
            if (limits.MinInterval is { } text)
            {
                if (!Duration.TryParse(text, out minIntervalTicks))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidMinInterval, limits.MinIntervalLocation, text,
                        "is not a duration: write it as 30s, 5m, 2h, 1d (combinable, like 1h30m) or hh:mm:ss"));
                }
                else if (minIntervalTicks <= 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidMinInterval, limits.MinIntervalLocation, text,
                        "is not longer than zero: give a positive duration, or leave MinInterval out for none"));
                }
            }
        }

        // The checks that apply to the command, in declaration order.
        private static CheckModel[] ApplicableChecks(EquatableArray<CheckSource> checks, string commandName, List<DiagnosticInfo> diagnostics)
        {
            var applicable = new List<CheckModel>();
            foreach (var check in checks)
            {
                if (check.Target is not null && CommandDeclaration.NormalizeName(check.Target) != commandName)
                {
                    continue;
                }
                if (check.Model is null)
                {
                    diagnostics.Add(check.Unsupported!);
                    continue;
                }
                applicable.Add(check.Model);
            }
            return applicable.ToArray();
        }

        // "市场 China": only the name is normalised; the preset arguments stay as written.
        private static string NormalizeAlias(string alias)
        {
            var trimmed = alias.Trim();
            var space = trimmed.IndexOf(' ');
            return space < 0
                ? CommandDeclaration.NormalizeName(trimmed)
                : CommandDeclaration.NormalizeName(trimmed.Substring(0, space)) + trimmed.Substring(space);
        }
    }
}

/// <summary>What binding one [Command] method produced: a model when it can be generated, its names, and diagnostics.</summary>
internal sealed record CommandResult(CommandModel? Model, CommandIdentity? Identity, EquatableArray<DiagnosticInfo> Diagnostics);
