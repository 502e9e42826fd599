using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CqBot.Analyzers;
using CqBot.Generators.Declarations;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CqBot.Generators.AttributeArguments;

namespace CqBot.Generators;

public sealed partial class CommandGenerator
{
    internal static class Parser
    {
        /// <summary>
        /// Reads what the compiler knows about a [Command] method. This runs for every command after every
        /// edit, so it only reads symbols; <see cref="Parse"/> does the rest.
        /// </summary>
        public static CommandSource Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var declarationLocation = ArgumentLocation(attribute, 0, cancellationToken)
                ?? (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } applied ? LocationInfo.From(applied) : null);

            var typeDiagnostics = new List<DiagnosticInfo>();
            var containingType = MethodSignatureReader.ContainingType(method.ContainingType, typeDiagnostics, cancellationToken);
            var declarationText = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            var returnKind = MethodSignatureReader.ClassifyReturn(method.ReturnType);
            var returnDiagnostic = returnKind is null
                ? DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedReturnType, method.Locations[0], method.Name, method.ReturnType.ToDisplayString())
                : null;
            if (declarationText is null || containingType is null || returnKind is null)
            {
                // Nothing can be generated; Parse reports the diagnostics.
                return new CommandSource(
                    method.Name, method.IsStatic, containingType, new EquatableArray<DiagnosticInfo>(typeDiagnostics.ToArray()), declarationText,
                    declarationLocation, returnKind, returnDiagnostic, EquatableArray<string>.Empty, null, null, EquatableArray<string>.Empty, false, false, null,
                    EquatableArray<MethodParameter>.Empty, EquatableArray<OptionSource>.Empty, EquatableArray<ShortcutModel>.Empty,
                    EquatableArray<string>.Empty, EquatableArray<CheckSource>.Empty);
            }

            var options = new List<OptionSource>();
            var shortcuts = new List<ShortcutModel>();
            foreach (var candidate in method.GetAttributes())
            {
                if (SymbolNames.Is(candidate.AttributeClass, "CqBot", "OptionAttribute"))
                {
                    if (candidate.ConstructorArguments.Length >= 1 && candidate.ConstructorArguments[0].Value is string name)
                    {
                        options.Add(ReadOption(candidate, name, cancellationToken));
                    }
                }
                else if (SymbolNames.Is(candidate.AttributeClass, "CqBot", "ShortcutAttribute") && candidate.ConstructorArguments.Length == 1 && candidate.ConstructorArguments[0].Value is string pattern)
                {
                    shortcuts.Add(new ShortcutModel(pattern, ReadString(candidate, "Arguments") ?? "", ReadBool(candidate, "Fuzzy"), ReadBool(candidate, "RequireAddress")));
                }
            }

            var parameterSyntax = (context.TargetNode as MethodDeclarationSyntax)?.ParameterList.Parameters;
            var parameters = new MethodParameter[method.Parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parameters[i] = ReadParameter(method.Parameters[i], parameterSyntax is { } list && i < list.Count ? list[i] : null);
            }

            return new CommandSource(
                method.Name,
                method.IsStatic,
                containingType,
                new EquatableArray<DiagnosticInfo>(typeDiagnostics.ToArray()),
                declarationText,
                declarationLocation,
                returnKind,
                returnDiagnostic,
                new EquatableArray<string>(ReadStrings(attribute, "Aliases")),
                ReadString(attribute, "Description"),
                ReadString(attribute, "Usage"),
                new EquatableArray<string>(ReadStrings(attribute, "Examples")),
                ReadBool(attribute, "Hidden"),
                ReadBool(attribute, "StrictOptions"),
                ReadLimits(attribute, cancellationToken),
                new EquatableArray<MethodParameter>(parameters),
                new EquatableArray<OptionSource>(options.ToArray()),
                new EquatableArray<ShortcutModel>(shortcuts.ToArray()),
                new EquatableArray<string>(MethodSignatureReader.ConstructorServices(method.ContainingType)),
                new EquatableArray<CheckSource>(ReadChecks(method.ContainingType, cancellationToken)));
        }

        // The syntax, when given, is the parameter's own declaration: its name is where the symbol's
        // location points, read without allocating a Location.
        private static MethodParameter ReadParameter(IParameterSymbol parameter, ParameterSyntax? syntax)
        {
            var type = parameter.Type;
            var typeName = SymbolNames.FullyQualified(type);
            var injected = MethodSignatureReader.ClassifyInjected(type, typeName);
            if (injected is not null)
            {
                return new MethodParameter(parameter.Name, typeName, injected, "", null, null, null, typeName, typeName, false);
            }
            var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? SymbolNames.FullyQualified(nullable.TypeArguments[0])
                : typeName;
            // Generated code enables nullable reference types for itself, so the local that holds the
            // value says '?' whenever the parameter accepts null, also where the user's code is oblivious.
            var rejectsNull = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.NotAnnotated;
            return new MethodParameter(
                parameter.Name,
                typeName,
                null,
                SymbolNames.ForMessages(type),
                syntax is not null ? LocationInfo.From(syntax.Identifier) : LocationInfo.From(parameter.Locations.Length > 0 ? parameter.Locations[0] : null),
                TypeShape.Of(type),
                DefaultLiteral(parameter, rejectsNull),
                underlying,
                type.IsReferenceType && !rejectsNull ? typeName + "?" : typeName,
                rejectsNull);
        }

        private static OptionSource ReadOption(AttributeData attribute, string name, CancellationToken cancellationToken)
        {
            ConstantSource? defaultValue = null;
            FixedValueSource? fixedValue = null;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Default" && defaultValue is null)
                {
                    defaultValue = ReadConstant(named.Value);
                }
                else if (named.Key == "Value")
                {
                    fixedValue = ReadFixedValue(named.Value);
                }
            }
            return new OptionSource(
                name,
                attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string ?? "" : "",
                ArgumentLocation(attribute, 1, cancellationToken) ?? ArgumentLocation(attribute, 0, cancellationToken),
                ReadString(attribute, "Description"),
                ReadBool(attribute, "Hidden"),
                defaultValue,
                fixedValue);
        }

        // Null when the attribute sets none of them, as most commands do. Each value keeps where it is
        // written, so that an invalid one is reported there.
        private static CommandLimitsSource? ReadLimits(AttributeData attribute, CancellationToken cancellationToken)
        {
            var authority = 1;
            var maxUsage = 0;
            string? minInterval = null;
            var hasAuthority = false;
            var hasMaxUsage = false;
            var hasMinInterval = false;
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Authority" when named.Value.Value is int value:
                        authority = value;
                        hasAuthority = true;
                        break;
                    case "MaxUsage" when named.Value.Value is int value:
                        maxUsage = value;
                        hasMaxUsage = true;
                        break;
                    case "MinInterval":
                        minInterval = named.Value.Value as string;
                        hasMinInterval = minInterval is not null;
                        break;
                }
            }
            if (!hasAuthority && !hasMaxUsage && !hasMinInterval)
            {
                return null;
            }
            return new CommandLimitsSource(
                authority,
                hasAuthority ? NamedArgumentLocation(attribute, "Authority", cancellationToken) : null,
                maxUsage,
                hasMaxUsage ? NamedArgumentLocation(attribute, "MaxUsage", cancellationToken) : null,
                minInterval,
                hasMinInterval ? NamedArgumentLocation(attribute, "MinInterval", cancellationToken) : null);
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
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.AuthorityOutOfRange, limits.AuthorityLocation, limits.Authority.ToString(CultureInfo.InvariantCulture)));
            }
            if (limits.MaxUsage < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.NegativeMaxUsage, limits.MaxUsageLocation, limits.MaxUsage.ToString(CultureInfo.InvariantCulture)));
            }
            if (limits.MinInterval is { } text)
            {
                if (!Duration.TryParse(text, out minIntervalTicks))
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidMinInterval, limits.MinIntervalLocation, text,
                        "is not a duration: write it as 30s, 5m, 2h, 1d (combinable, like 1h30m) or hh:mm:ss"));
                }
                else if (minIntervalTicks <= 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidMinInterval, limits.MinIntervalLocation, text,
                        "is not longer than zero: give a positive duration, or leave MinInterval out for none"));
                }
            }
        }

        /// <summary>
        /// Parses the declaration and binds the method's parameters to its arguments and options. The
        /// driver runs this only for commands whose <see cref="CommandSource"/> changed.
        /// </summary>
        public static CommandResult Parse(CommandSource source, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>(source.TypeDiagnostics);
            CommandDeclaration? declaration = null;
            if (source.DeclarationText is not null)
            {
                declaration = CommandDeclaration.TryParse(source.DeclarationText, out var error);
                if (declaration is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidDeclaration, source.DeclarationLocation, source.DeclarationText, error ?? "unknown error"));
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
            var binder = new Binder(source, declaration, diagnostics, cancellationToken);
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
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnreachableArgument, location?.Within(argument.Start, argument.Length),
                        argument.Name, declaration.Name, takesRest.Name, takesRest.Variadic ? "variadic" : "text"));
                }
                else if (argument.Required && optional is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.RequiredAfterOptional, location?.Within(argument.Start, argument.Length),
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

        /// <summary>Matches the method's parameters to the declared arguments and options, by name.</summary>
        private sealed class Binder(
            CommandSource source,
            CommandDeclaration declaration,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            public ArgumentModel[] Arguments { get; } = new ArgumentModel[declaration.Arguments.Count];

            public List<OptionModel> Options { get; } = [];

            public List<ParameterModel> Parameters { get; } = [];

            public void Bind()
            {
                var optionSlots = BindOptionDeclarations();
                var bound = new bool[declaration.Arguments.Count];
                foreach (var parameter in source.Parameters)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (parameter.Injected is { } injected)
                    {
                        Parameters.Add(new ParameterModel(parameter.Name, injected, parameter.TypeName, -1, ValueConversion.None, null, null, ""));
                        continue;
                    }
                    var argumentIndex = FindArgument(parameter.Name);
                    if (argumentIndex >= 0)
                    {
                        bound[argumentIndex] = true;
                        BindArgument(parameter, argumentIndex);
                        continue;
                    }
                    if (optionSlots.TryGetValue(parameter.Name, out var option))
                    {
                        option.Parameter = parameter;
                        continue;
                    }
                    Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Service, parameter.TypeName, -1, ValueConversion.None, null, null, ""));
                }
                for (var i = 0; i < bound.Length; i++)
                {
                    if (!bound[i])
                    {
                        var argument = declaration.Arguments[i];
                        var nearest = NearestUnboundParameter(argument.Name, optionSlots);
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.ArgumentWithoutParameter, source.DeclarationLocation?.Within(argument.Start, argument.Length),
                            argument.Name, declaration.Name, source.MethodName, DidYouMeanParameter(nearest)) with { Suggestion = nearest });
                    }
                }
                BindOptions();
            }

            private void BindArgument(MethodParameter parameter, int index)
            {
                var declared = declaration.Arguments[index];
                var shape = parameter.Shape!;
                if (declared.Variadic != shape.IsArray)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, declared.Variadic ? "variadic" : "single", declared.Name,
                        declared.Variadic ? "; a variadic argument binds to an array" : "; an array binds only to a variadic argument ([...name])"));
                    return;
                }
                var typeLocation = declared.Type is null ? null : source.DeclarationLocation?.Within(declared.TypeStart, declared.Type.Length);
                var kind = ResolveKind(declared.Type, typeLocation, shape, parameter, declared.Name);
                if (kind is null)
                {
                    return;
                }
                var defaultLiteral = parameter.ExplicitDefault;
                if (!declared.Required && !declared.Variadic && defaultLiteral is null && !shape.Nullable)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.OptionalArgumentNeedsDefault, parameter.Location, parameter.Name, declared.Name));
                    return;
                }
                Arguments[index] = new ArgumentModel(declared.Name, kind, declared.Required, declared.Variadic, shape.Validator,
                    shape.Validator is null ? default : shape.Choices);
                Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Argument, parameter.ValueTypeName, index, shape.Conversion, shape.ElementTypeName, defaultLiteral, kind));
            }

            private Dictionary<string, PendingOption> BindOptionDeclarations()
            {
                var byName = new Dictionary<string, PendingOption>(System.StringComparer.OrdinalIgnoreCase);
                var claimed = new HashSet<string>();
                foreach (var option in source.Options)
                {
                    var syntax = OptionSyntax.TryParse(option.SyntaxText, out var error);
                    if (syntax is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidOptionSyntax, option.Location, option.Name, option.SyntaxText, error ?? "unknown error"));
                        continue;
                    }
                    foreach (var alias in syntax.Aliases)
                    {
                        if (!claimed.Add(alias))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.DuplicateOptionName, option.Location, alias, declaration.Name));
                        }
                    }
                    var key = Normalize(option.Name);
                    if (!byName.TryGetValue(key, out var pending))
                    {
                        pending = new PendingOption(option.Name, byName.Count);
                        byName.Add(key, pending);
                    }
                    pending.Declarations.Add((option, syntax));
                }
                // Parameters are looked up by their own spelling.
                var byParameter = new Dictionary<string, PendingOption>(System.StringComparer.Ordinal);
                foreach (var parameter in source.Parameters)
                {
                    if (byName.TryGetValue(Normalize(parameter.Name), out var pending))
                    {
                        byParameter[parameter.Name] = pending;
                    }
                }
                foreach (var pending in byName.Values)
                {
                    var hasParameter = false;
                    foreach (var parameter in source.Parameters)
                    {
                        hasParameter |= Normalize(parameter.Name) == Normalize(pending.Name);
                    }
                    if (!hasParameter)
                    {
                        var nearest = NearestUnboundParameter(pending.Name, byParameter);
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.OptionWithoutParameter, pending.Declarations[0].Option.Location,
                            pending.Name, declaration.Name, source.MethodName, DidYouMeanParameter(nearest)) with { Suggestion = nearest });
                    }
                }
                _pendingInOrder = [.. byName.Values];
                return byParameter;
            }

            private List<PendingOption> _pendingInOrder = [];

            // The parameter a misspelt argument or option most likely meant: one that neither an argument
            // nor an option claims and that is not injected, within a few edits of the name.
            private string? NearestUnboundParameter(string name, Dictionary<string, PendingOption> optionSlots)
            {
                var candidates = new Dictionary<string, string>();
                foreach (var parameter in source.Parameters)
                {
                    if (parameter.Injected is null && FindArgument(parameter.Name) < 0 && !optionSlots.ContainsKey(parameter.Name))
                    {
                        candidates[Normalize(parameter.Name)] = parameter.Name;
                    }
                }
                var nearest = NearestName.Find(Normalize(name), candidates.Keys);
                return nearest is null ? null : candidates[nearest];
            }

            private static string DidYouMeanParameter(string? parameter) => parameter is null ? "" : $" Did you mean parameter '{parameter}'?";

            private void BindOptions()
            {
                foreach (var pending in _pendingInOrder)
                {
                    var parameter = pending.Parameter;
                    if (parameter is null)
                    {
                        continue;
                    }
                    var shape = parameter.Shape!;
                    if (shape.IsArray)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, "option", pending.Name,
                            "; an option binds to one value, not an array"));
                        continue;
                    }
                    string? kind = null;
                    string? defaultFromAttribute = null;
                    var valued = false;
                    foreach (var (option, syntax) in pending.Declarations)
                    {
                        if (option.Value is not null || !syntax.TakesValue)
                        {
                            continue;
                        }
                        valued = true;
                        var typeLocation = syntax.Type is null ? null : option.Location?.Within(syntax.TypeStart, syntax.Type.Length);
                        kind = ResolveKind(syntax.Type, typeLocation, shape, parameter, pending.Name);
                    }
                    if (!valued)
                    {
                        kind = shape.InferredKind ?? "Boolean";
                    }
                    if (kind is null)
                    {
                        continue;
                    }
                    if (!valued && pending.Declarations.Exists(d => d.Option.Value is null) && shape.Conversion != ValueConversion.Boolean)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, "boolean flag", pending.Name,
                            "; an option without a value binds to bool: give it a value (-t <count>) to bind another type"));
                        continue;
                    }
                    foreach (var (option, syntax) in pending.Declarations)
                    {
                        defaultFromAttribute ??= option.Default is null ? null : ConstantLiteral(option.Default, parameter.UnderlyingTypeName);
                        var fixedValue = option.Value is null ? null : FixedValueExpression(option.Value, kind);
                        Options.Add(new OptionModel(
                            pending.Name,
                            new EquatableArray<string>(System.Linq.Enumerable.ToArray(syntax.Aliases)),
                            fixedValue is null ? (syntax.TakesValue ? kind : "Boolean") : kind,
                            fixedValue is null && syntax.TakesValue,
                            syntax.ValueRequired,
                            syntax.ValueName,
                            fixedValue,
                            option.Description,
                            option.Hidden,
                            syntax.TakesValue ? shape.Validator : null,
                            syntax.TakesValue && shape.Validator is not null ? shape.Choices : default));
                    }
                    var defaultLiteral = parameter.ExplicitDefault ?? defaultFromAttribute;
                    if (parameter.RejectsNull && defaultLiteral is null or "default")
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.OptionNeedsDefault, parameter.Location, parameter.Name, pending.Name));
                        continue;
                    }
                    Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Option, parameter.ValueTypeName, pending.Slot, shape.Conversion, shape.ElementTypeName, defaultLiteral, kind));
                }
            }

            private string? ResolveKind(string? declaredType, LocationInfo? typeLocation, TypeShape shape, MethodParameter parameter, string name)
            {
                if (declaredType is null)
                {
                    if (shape.InferredKind is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, "declared", name,
                            "; write its type (<name:integer>), or use string, a number, bool, DateTime, DateTimeOffset, Segment, an enum or a type with a static TryParse"));
                    }
                    return shape.InferredKind;
                }
                var kind = KindOfDomain(declaredType);
                if (kind is null)
                {
                    var nearest = NearestName.Find(declaredType.ToLowerInvariant(), DomainNames);
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnknownType, typeLocation ?? source.DeclarationLocation, name, declaredType,
                        nearest is null ? "" : $" Did you mean '{nearest}'?") with { Suggestion = nearest });
                    return null;
                }
                if (!Compatible(kind, shape.Conversion))
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameter.Location, parameter.Name, parameter.DisplayTypeName, declaredType, name,
                        $"; ':{declaredType}' binds to {AcceptedTypes(kind)}"));
                    return null;
                }
                return kind;
            }

            private int FindArgument(string parameterName)
            {
                for (var i = 0; i < declaration.Arguments.Count; i++)
                {
                    if (Normalize(declaration.Arguments[i].Name) == Normalize(parameterName))
                    {
                        return i;
                    }
                }
                return -1;
            }
        }

        private sealed class PendingOption(string name, int slot)
        {
            public string Name { get; } = name;

            public int Slot { get; } = slot;

            public List<(OptionSource Option, OptionSyntax Syntax)> Declarations { get; } = [];

            public MethodParameter? Parameter { get; set; }
        }

        // Declarations use kebab-case or camelCase; C# parameters use camelCase.
        private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

        // The types a declaration may write, as "did you mean" proposes them.
        private static readonly string[] DomainNames = ["string", "text", "number", "integer", "posint", "natural", "boolean", "date", "user", "channel", "image"];

        private static string? KindOfDomain(string domain) => domain switch
        {
            "string" => "String",
            "text" => "Text",
            "number" => "Number",
            "integer" => "Integer",
            "posint" => "PositiveInteger",
            "natural" => "NaturalNumber",
            "boolean" => "Boolean",
            "date" => "Date",
            "user" => "User",
            "channel" => "Channel",
            "image" or "img" => "Image",
            _ => null,
        };

        private static bool Compatible(string kind, ValueConversion conversion) => kind switch
        {
            "String" or "Text" => conversion == ValueConversion.String,
            "Number" => conversion is ValueConversion.Double or ValueConversion.Single or ValueConversion.Decimal,
            "Integer" or "PositiveInteger" or "NaturalNumber" => conversion is ValueConversion.Int32 or ValueConversion.Int64 or ValueConversion.Double or ValueConversion.Single or ValueConversion.Decimal,
            "Boolean" => conversion == ValueConversion.Boolean,
            "Date" => conversion is ValueConversion.DateTimeOffset or ValueConversion.DateTime,
            "User" or "Channel" => conversion == ValueConversion.Int64,
            "Image" => conversion is ValueConversion.String or ValueConversion.Segment,
            "Custom" => conversion is ValueConversion.Enum or ValueConversion.Parsable or ValueConversion.TryParsable,
            _ => false,
        };

        // What Compatible accepts for a kind, as C# writes the types.
        private static string AcceptedTypes(string kind) => kind switch
        {
            "String" or "Text" => "string",
            "Number" => "double, float or decimal (or a nullable form of one)",
            "Integer" or "PositiveInteger" or "NaturalNumber" => "int, long, double, float or decimal (or a nullable form of one)",
            "Boolean" => "bool or bool?",
            "Date" => "DateTimeOffset or DateTime (or a nullable form of one)",
            "User" or "Channel" => "long or long?",
            "Image" => "string or Segment",
            _ => "no C# type",
        };

        // A null default of a parameter that rejects null was written `= null!`: the author's choice.
        private static string? DefaultLiteral(IParameterSymbol parameter, bool rejectsNull)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                return null;
            }
            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return rejectsNull ? "default!" : "default";
            }
            var literal = SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
            var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : parameter.Type;
            return type.TypeKind == TypeKind.Enum
                ? "(" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" + literal + ")"
                : Suffixed(literal, type);
        }

        private static string Suffixed(string literal, ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_Single => literal + "f",
            SpecialType.System_Decimal => literal + "m",
            SpecialType.System_Int64 => literal + "L",
            SpecialType.System_Double when !literal.Contains(".") && !literal.Contains("E") => literal + "d",
            _ => literal,
        };

        private static ConstantSource ReadConstant(TypedConstant constant)
        {
            if (constant.IsNull)
            {
                return new ConstantSource(true, null, false);
            }
            return constant.Kind == TypedConstantKind.Array
                ? new ConstantSource(false, null, true)
                : new ConstantSource(false, SymbolDisplay.FormatPrimitive(constant.Value!, quoteStrings: true, useHexadecimalNumbers: false), false);
        }

        // An option's Default, cast to the parameter's type.
        private static string ConstantLiteral(ConstantSource constant, string underlyingTypeName)
        {
            if (constant.Unreadable)
            {
                throw new System.InvalidOperationException("An array cannot be the Default of an option.");
            }
            return constant.IsNull ? "default" : "(" + underlyingTypeName + ")(" + constant.Literal + ")";
        }

        // The CommandValue a value-variant sets. Its kind is known only once the option is bound, so a
        // value that needs it keeps the rest of the expression for FixedValueExpression.
        private static FixedValueSource ReadFixedValue(TypedConstant constant)
        {
            if (constant.Kind == TypedConstantKind.Array)
            {
                return new FixedValueSource("", false, true);
            }
            var value = constant.Value;
            if (value is bool flag)
            {
                return new FixedValueSource("global::CqBot.Infrastructure.CommandValue.FromBoolean(" + (flag ? "true" : "false") + ")", false, false);
            }
            if (constant.Kind == TypedConstantKind.Enum && constant.Type is INamedTypeSymbol enumType)
            {
                var memberName = value?.ToString() ?? "";
                foreach (var member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
                    {
                        memberName = field.Name;
                        break;
                    }
                }
                return new FixedValueSource("new global::CqBot.Infrastructure.CommandValue(global::CqBot.Infrastructure.CommandValueKind.Custom, " + SymbolDisplay.FormatLiteral(memberName, true) + ")", false, false);
            }
            if (value is string text)
            {
                return new FixedValueSource(", " + SymbolDisplay.FormatLiteral(text, true) + ")", true, false);
            }
            if (value is null)
            {
                return new FixedValueSource(", \"\")", true, false);
            }
            if (value is not System.IConvertible || value is char)
            {
                return new FixedValueSource("", false, true);
            }
            var number = System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            var invariant = number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return new FixedValueSource(", " + SymbolDisplay.FormatLiteral(invariant, true)
                + ", " + ((long)System.Math.Truncate(number)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "L, "
                + invariant + "d)", true, false);
        }

        private static string FixedValueExpression(FixedValueSource value, string kind)
        {
            if (value.Unreadable)
            {
                throw new System.InvalidOperationException("The Value of an option must be a boolean, a number, a string or an enum member.");
            }
            return value.NeedsKind ? "new global::CqBot.Infrastructure.CommandValue(global::CqBot.Infrastructure.CommandValueKind." + kind + value.Expression : value.Expression;
        }

        private static LocationInfo? ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list } && list.Arguments.Count > index)
            {
                return LocationInfo.FromStringArgument(list.Arguments[index].Expression);
            }
            return null;
        }

        // The value of a named argument: '9' in 'Authority = 9'.
        private static LocationInfo? NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list })
            {
                foreach (var argument in list.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == name)
                    {
                        return LocationInfo.From(argument.Expression);
                    }
                }
            }
            return null;
        }

        // Every [Check] application of the class, in declaration order; which apply to a command is decided
        // once its name is parsed.
        private static CheckSource[] ReadChecks(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (!MayDeclareChecks(type, cancellationToken))
            {
                return System.Array.Empty<CheckSource>();
            }
            List<CheckSource>? checks = null;
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol method || !MayHaveCheckAttribute(method, cancellationToken))
                {
                    continue;
                }
                foreach (var attribute in method.GetAttributes())
                {
                    if (!SymbolNames.Is(attribute.AttributeClass, "CqBot", "CheckAttribute"))
                    {
                        continue;
                    }
                    checks ??= [];
                    var target = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                    var result = ClassifyCheckResult(method.ReturnType, out var isAsync);
                    if (result is null)
                    {
                        checks.Add(new CheckSource(target, null, DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedCheck, method.Locations[0], method.Name, method.ReturnType.ToDisplayString())));
                        continue;
                    }
                    var parameters = new List<ParameterModel>();
                    foreach (var parameter in method.Parameters)
                    {
                        var typeName = SymbolNames.FullyQualified(parameter.Type);
                        parameters.Add(new ParameterModel(parameter.Name, MethodSignatureReader.ClassifyInjected(parameter.Type, typeName) ?? ParameterSource.Service, typeName, -1, ValueConversion.None, null, null, ""));
                    }
                    checks.Add(new CheckSource(target, new CheckModel(method.Name, method.IsStatic, new EquatableArray<ParameterModel>(parameters.ToArray()), result.Value, isAsync), null));
                }
            }
            return checks?.ToArray() ?? System.Array.Empty<CheckSource>();
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

        // A look at the syntax first: binding every member's attributes, or even listing the members, for
        // every command after every edit is what this would otherwise cost.
        private static bool MayDeclareChecks(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }
                foreach (var member in declaration.Members)
                {
                    if (member is MethodDeclarationSyntax method && NamesCheckAttribute(method))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private static bool MayHaveCheckAttribute(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax && NamesCheckAttribute(syntax))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool NamesCheckAttribute(MethodDeclarationSyntax syntax)
        {
            foreach (var list in syntax.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = attribute.Name switch
                    {
                        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => "",
                    };
                    if (name is "Check" or "CheckAttribute")
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private static CheckResultKind? ClassifyCheckResult(ITypeSymbol type, out bool isAsync)
        {
            isAsync = false;
            var name = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic
                && name is "global::System.Threading.Tasks.Task<TResult>" or "global::System.Threading.Tasks.ValueTask<TResult>")
            {
                isAsync = true;
                type = generic.TypeArguments[0];
            }
            if (type.SpecialType == SpecialType.System_String)
            {
                return CheckResultKind.Text;
            }
            if (type.SpecialType == SpecialType.System_Boolean)
            {
                return CheckResultKind.Boolean;
            }
            return type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == MethodSignatureReader.Message ? CheckResultKind.Message : null;
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
