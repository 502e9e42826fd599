using System.Collections.Generic;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Finds <c>[Command]</c> methods and emits, per assembly, their signatures, binders and a dispatch
/// table registered by a module initializer: no reflection at run time.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CommandGenerator : IIncrementalGenerator
{
    internal const string CommandAttributeName = "CqBot.CommandAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The driver runs this transform again for every [Command] method whenever the compilation
        // changes, even after an edit inside one method body; it only reads symbols into plain values.
        var sources = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                CommandAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Reader.Read(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.CommandSources);

        // Parsing and binding run only for the methods whose source facts changed.
        var results = sources
            .Select(static (source, cancellationToken) => Binder.Bind(source, cancellationToken))
            .WithTrackingName(TrackingNames.CommandResults);

        // Diagnostics carry positions; they get their own outputs so that moving code re-reports
        // diagnostics without re-emitting source.
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.CommandDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var identities = results
            .Where(static result => result.Identity is not null)
            .Select(static (result, _) => result.Identity!)
            .Collect()
            .WithTrackingName(TrackingNames.CommandIdentities);
        context.RegisterSourceOutput(identities, static (production, items) => ReportDuplicateNames(production, items));

        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.CommandModels);

        var all = models
            .Collect()
            .Select(static (items, _) => new EquatableArray<CommandModel>(items))
            .WithTrackingName(TrackingNames.AllCommands);

        context.RegisterSourceOutput(all, static (production, commands) => Emitter.Emit(production, commands));
    }

    private static void ReportDuplicateNames(SourceProductionContext production, System.Collections.Immutable.ImmutableArray<CommandIdentity> identities)
    {
        var owners = new Dictionary<string, string>();
        foreach (var identity in identities)
        {
            foreach (var name in Names(identity))
            {
                if (owners.TryGetValue(name, out var owner))
                {
                    production.ReportDiagnostic(DiagnosticInfo.Create(GeneratorDiagnostics.DuplicateCommandName, identity.Location, name, owner).ToDiagnostic());
                }
                else
                {
                    owners.Add(name, identity.Owner);
                }
            }
        }
    }

    private static IEnumerable<string> Names(CommandIdentity identity)
    {
        yield return identity.Name;
        foreach (var alias in identity.Aliases)
        {
            yield return alias;
        }
    }
}

/// <summary>What parsing one [Command] method produced: a model when it can be generated, its names, and diagnostics.</summary>
internal sealed record CommandResult(CommandModel? Model, CommandIdentity? Identity, EquatableArray<DiagnosticInfo> Diagnostics);
