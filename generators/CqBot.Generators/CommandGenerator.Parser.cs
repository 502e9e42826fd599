using System.Collections.Generic;
using System.Threading;
using CqBot.Generators.Declarations;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.Generators;

public sealed partial class CommandGenerator
{
    internal static class Parser
    {
        private const string Session = "global::CqBot.Session";
        private const string Context = "global::CqBot.CommandContext";
        private const string Bot = "global::CqBot.IBot";
        private const string Event = "global::CqBot.Event";
        private const string CancellationToken = "global::System.Threading.CancellationToken";
        internal const string Message = "global::CqBot.Message";
        private const string QuickOperationType = "global::CqBot.QuickOperation";

        public static CommandResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var method = (IMethodSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var declarationLocation = ArgumentLocation(attribute, 0, cancellationToken)
                ?? attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

            var containingType = ParseContainingType(method.ContainingType, diagnostics, cancellationToken);

            var declarationText = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            CommandDeclaration? declaration = null;
            if (declarationText is not null)
            {
                declaration = CommandDeclaration.TryParse(declarationText, out var error);
                if (declaration is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidDeclaration, declarationLocation, declarationText, error ?? "unknown error"));
                }
            }

            var returnKind = ClassifyReturn(method.ReturnType);
            if (returnKind is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedReturnType, method.Locations[0], method.Name, method.ReturnType.ToDisplayString()));
            }

            if (declaration is null || containingType is null || returnKind is null)
            {
                return new CommandResult(null, null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            var aliases = ReadStrings(attribute, "Aliases", normalize: true);
            var aliasNames = new string[aliases.Length];
            for (var i = 0; i < aliases.Length; i++)
            {
                var space = aliases[i].IndexOf(' ');
                aliasNames[i] = space < 0 ? aliases[i] : aliases[i].Substring(0, space);
            }
            var identity = new CommandIdentity(declaration.Name, new EquatableArray<string>(aliasNames), containingType.Name + "." + method.Name, LocationInfo.From(declarationLocation));

            var optionAttributes = new List<AttributeData>();
            var shortcuts = new List<ShortcutModel>();
            foreach (var candidate in method.GetAttributes())
            {
                if (SymbolNames.Is(candidate.AttributeClass, "CqBot", "OptionAttribute"))
                {
                    optionAttributes.Add(candidate);
                }
                else if (SymbolNames.Is(candidate.AttributeClass, "CqBot", "ShortcutAttribute") && candidate.ConstructorArguments.Length == 1 && candidate.ConstructorArguments[0].Value is string pattern)
                {
                    shortcuts.Add(new ShortcutModel(pattern, ReadString(candidate, "Arguments") ?? "", ReadBool(candidate, "Fuzzy"), ReadBool(candidate, "RequireAddress")));
                }
            }

            var binder = new Binder(method, declaration, optionAttributes, declarationLocation, diagnostics, cancellationToken);
            binder.Bind();
            if (diagnostics.Count > 0)
            {
                return new CommandResult(null, identity, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }

            var model = new CommandModel(
                containingType,
                method.Name,
                method.IsStatic,
                declaration.Name,
                declaration.Parent,
                declaration.Path,
                new EquatableArray<string>(aliases),
                ReadString(attribute, "Description"),
                declaration.Usage,
                ReadString(attribute, "Usage"),
                new EquatableArray<string>(ReadStrings(attribute, "Examples", normalize: false)),
                ReadBool(attribute, "Hidden"),
                ReadBool(attribute, "StrictOptions"),
                new EquatableArray<ArgumentModel>(binder.Arguments),
                new EquatableArray<OptionModel>(binder.Options.ToArray()),
                new EquatableArray<ParameterModel>(binder.Parameters.ToArray()),
                returnKind.Value,
                new EquatableArray<string>(ConstructorServices(method.ContainingType)),
                new EquatableArray<ShortcutModel>(shortcuts.ToArray()),
                new EquatableArray<CheckModel>(ReadChecks(method.ContainingType, declaration.Name, diagnostics, cancellationToken)));
            if (diagnostics.Count > 0)
            {
                return new CommandResult(null, identity, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }
            return new CommandResult(model, identity, EquatableArray<DiagnosticInfo>.Empty);
        }

        /// <summary>Matches the method's parameters to the declared arguments and options, by name.</summary>
        private sealed class Binder(
            IMethodSymbol method,
            CommandDeclaration declaration,
            List<AttributeData> optionAttributes,
            Location? declarationLocation,
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
                foreach (var parameter in method.Parameters)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    var injected = ClassifyInjected(parameter.Type, typeName);
                    if (injected is not null)
                    {
                        Parameters.Add(new ParameterModel(parameter.Name, injected.Value, typeName, -1, ValueConversion.None, null, null, ""));
                        continue;
                    }
                    var argumentIndex = FindArgument(parameter.Name);
                    if (argumentIndex >= 0)
                    {
                        bound[argumentIndex] = true;
                        BindArgument(parameter, argumentIndex, typeName);
                        continue;
                    }
                    if (optionSlots.TryGetValue(parameter.Name, out var option))
                    {
                        option.Parameter = parameter;
                        continue;
                    }
                    Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Service, typeName, -1, ValueConversion.None, null, null, ""));
                }
                for (var i = 0; i < bound.Length; i++)
                {
                    if (!bound[i])
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.ArgumentWithoutParameter, declarationLocation, declaration.Arguments[i].Name, declaration.Name, method.Name));
                    }
                }
                BindOptions();
            }

            private void BindArgument(IParameterSymbol parameter, int index, string typeName)
            {
                var declared = declaration.Arguments[index];
                var location = parameter.Locations.Length > 0 ? parameter.Locations[0] : null;
                var shape = TypeShape.Of(parameter.Type);
                if (declared.Variadic != shape.IsArray)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, location, parameter.Name, parameter.Type.ToDisplayString(), declared.Variadic ? "variadic" : "single", declared.Name));
                    return;
                }
                var kind = ResolveKind(declared.Type, shape, parameter, declared.Name, location);
                if (kind is null)
                {
                    return;
                }
                var defaultLiteral = DefaultLiteral(parameter, null);
                if (!declared.Required && !declared.Variadic && defaultLiteral is null && !shape.Nullable)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.OptionalArgumentNeedsDefault, location, parameter.Name, declared.Name));
                    return;
                }
                Arguments[index] = new ArgumentModel(declared.Name, kind, declared.Required, declared.Variadic, shape.Validator);
                Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Argument, typeName, index, shape.Conversion, shape.ElementTypeName, defaultLiteral, kind));
            }

            private Dictionary<string, PendingOption> BindOptionDeclarations()
            {
                var byName = new Dictionary<string, PendingOption>(System.StringComparer.OrdinalIgnoreCase);
                var claimed = new HashSet<string>();
                foreach (var attribute in optionAttributes)
                {
                    if (attribute.ConstructorArguments.Length < 1 || attribute.ConstructorArguments[0].Value is not string name)
                    {
                        continue;
                    }
                    var syntaxText = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string ?? "" : "";
                    var location = ArgumentLocation(attribute, 1, cancellationToken) ?? ArgumentLocation(attribute, 0, cancellationToken);
                    var syntax = OptionSyntax.TryParse(syntaxText, out var error);
                    if (syntax is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.InvalidOptionSyntax, location, name, syntaxText, error ?? "unknown error"));
                        continue;
                    }
                    foreach (var alias in syntax.Aliases)
                    {
                        if (!claimed.Add(alias))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.DuplicateOptionName, location, alias, declaration.Name));
                        }
                    }
                    var key = Normalize(name);
                    if (!byName.TryGetValue(key, out var pending))
                    {
                        pending = new PendingOption(name, byName.Count);
                        byName.Add(key, pending);
                    }
                    pending.Declarations.Add((attribute, syntax, location));
                }
                // Parameters are looked up by their own spelling.
                var byParameter = new Dictionary<string, PendingOption>(System.StringComparer.Ordinal);
                foreach (var parameter in method.Parameters)
                {
                    if (byName.TryGetValue(Normalize(parameter.Name), out var pending))
                    {
                        byParameter[parameter.Name] = pending;
                    }
                }
                foreach (var pending in byName.Values)
                {
                    var hasParameter = false;
                    foreach (var parameter in method.Parameters)
                    {
                        hasParameter |= Normalize(parameter.Name) == Normalize(pending.Name);
                    }
                    if (!hasParameter)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.OptionWithoutParameter, pending.Declarations[0].Location, pending.Name, declaration.Name, method.Name));
                    }
                }
                _pendingInOrder = [.. byName.Values];
                return byParameter;
            }

            private List<PendingOption> _pendingInOrder = [];

            private void BindOptions()
            {
                foreach (var pending in _pendingInOrder)
                {
                    var parameter = pending.Parameter;
                    if (parameter is null)
                    {
                        continue;
                    }
                    var location = parameter.Locations.Length > 0 ? parameter.Locations[0] : null;
                    var shape = TypeShape.Of(parameter.Type);
                    if (shape.IsArray)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, location, parameter.Name, parameter.Type.ToDisplayString(), "option", pending.Name));
                        continue;
                    }
                    string? kind = null;
                    string? defaultFromAttribute = null;
                    var valued = false;
                    foreach (var (attribute, syntax, _) in pending.Declarations)
                    {
                        if (HasNamed(attribute, "Value") || !syntax.TakesValue)
                        {
                            continue;
                        }
                        valued = true;
                        kind = ResolveKind(syntax.Type, shape, parameter, pending.Name, location);
                    }
                    if (!valued)
                    {
                        kind = shape.InferredKind ?? "Boolean";
                    }
                    if (kind is null)
                    {
                        continue;
                    }
                    if (!valued && pending.Declarations.Exists(d => !HasNamed(d.Attribute, "Value")) && shape.Conversion != ValueConversion.Boolean)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, location, parameter.Name, parameter.Type.ToDisplayString(), "boolean flag", pending.Name));
                        continue;
                    }
                    foreach (var (attribute, syntax, _) in pending.Declarations)
                    {
                        defaultFromAttribute ??= NamedConstantLiteral(attribute, "Default", parameter.Type);
                        var fixedValue = HasNamed(attribute, "Value") ? FixedValueExpression(attribute, kind, parameter.Type) : null;
                        Options.Add(new OptionModel(
                            pending.Name,
                            new EquatableArray<string>(System.Linq.Enumerable.ToArray(syntax.Aliases)),
                            fixedValue is null ? (syntax.TakesValue ? kind : "Boolean") : kind,
                            fixedValue is null && syntax.TakesValue,
                            syntax.ValueRequired,
                            syntax.ValueName,
                            fixedValue,
                            ReadString(attribute, "Description"),
                            ReadBool(attribute, "Hidden"),
                            syntax.TakesValue ? shape.Validator : null));
                    }
                    var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    Parameters.Add(new ParameterModel(parameter.Name, ParameterSource.Option, typeName, pending.Slot, shape.Conversion, shape.ElementTypeName, DefaultLiteral(parameter, defaultFromAttribute), kind));
                }
            }

            private string? ResolveKind(string? declaredType, TypeShape shape, IParameterSymbol parameter, string name, Location? parameterLocation)
            {
                if (declaredType is null)
                {
                    if (shape.InferredKind is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameterLocation, parameter.Name, parameter.Type.ToDisplayString(), "declared", name));
                    }
                    return shape.InferredKind;
                }
                var kind = KindOfDomain(declaredType);
                if (kind is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnknownType, declarationLocation, name, declaredType));
                    return null;
                }
                if (!Compatible(kind, shape.Conversion))
                {
                    diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedParameterType, parameterLocation, parameter.Name, parameter.Type.ToDisplayString(), declaredType, name));
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

            public List<(AttributeData Attribute, OptionSyntax Syntax, Location? Location)> Declarations { get; } = [];

            public IParameterSymbol? Parameter { get; set; }
        }

        // Declarations use kebab-case or camelCase; C# parameters use camelCase.
        private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

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

        internal static ParameterSource? ClassifyInjected(ITypeSymbol type, string typeName)
        {
            switch (typeName)
            {
                case Session: return ParameterSource.Session;
                case Context: return ParameterSource.Context;
                case Bot: return ParameterSource.Bot;
                case CancellationToken: return ParameterSource.CancellationToken;
            }
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolNames.Is(current, "CqBot", "Event"))
                {
                    return ParameterSource.Event;
                }
            }
            return null;
        }

        private static string? DefaultLiteral(IParameterSymbol parameter, string? fallback)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                return fallback;
            }
            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return "default";
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

        private static bool HasNamed(AttributeData attribute, string name)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name)
                {
                    return true;
                }
            }
            return false;
        }

        private static string? NamedConstantLiteral(AttributeData attribute, string name, ITypeSymbol target)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name)
                {
                    return ConstantLiteral(named.Value, target);
                }
            }
            return null;
        }

        private static string ConstantLiteral(TypedConstant constant, ITypeSymbol target)
        {
            if (constant.IsNull)
            {
                return "default";
            }
            var literal = SymbolDisplay.FormatPrimitive(constant.Value!, quoteStrings: true, useHexadecimalNumbers: false);
            var type = target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : target;
            return type.TypeKind == TypeKind.Enum || constant.Kind == TypedConstantKind.Enum
                ? "(" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" + literal + ")"
                : "(" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ")(" + literal + ")";
        }

        // The CommandValue a value-variant sets, as an expression.
        private static string FixedValueExpression(AttributeData attribute, string kind, ITypeSymbol target)
        {
            TypedConstant constant = default;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Value")
                {
                    constant = named.Value;
                }
            }
            var value = constant.Value;
            if (value is bool flag)
            {
                return "global::CqBot.CommandValue.FromBoolean(" + (flag ? "true" : "false") + ")";
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
                return "new global::CqBot.CommandValue(global::CqBot.CommandValueKind.Custom, " + SymbolDisplay.FormatLiteral(memberName, true) + ")";
            }
            if (value is string text)
            {
                return "new global::CqBot.CommandValue(global::CqBot.CommandValueKind." + kind + ", " + SymbolDisplay.FormatLiteral(text, true) + ")";
            }
            if (value is null)
            {
                return "new global::CqBot.CommandValue(global::CqBot.CommandValueKind." + kind + ", \"\")";
            }
            var number = System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            var invariant = number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return "new global::CqBot.CommandValue(global::CqBot.CommandValueKind." + kind + ", " + SymbolDisplay.FormatLiteral(invariant, true)
                + ", " + ((long)System.Math.Truncate(number)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "L, "
                + invariant + "d)";
        }

        private static Location? ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list } && list.Arguments.Count > index)
            {
                return list.Arguments[index].GetLocation();
            }
            return null;
        }

        internal static ContainingTypeModel? ParseContainingType(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var location = type.Locations.Length > 0 ? type.Locations[0] : null;
            string? keyword = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax && syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    keyword = syntax switch
                    {
                        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                        StructDeclarationSyntax => "struct",
                        _ => "class",
                    };
                    break;
                }
            }
            if (keyword is null || type.ContainingType is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.TypeNotPartial, location, type.Name));
                return null;
            }
            if (type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedContainingType, location, type.Name));
                return null;
            }
            var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
            return new ContainingTypeModel(ns, type.Name, keyword, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        }

        private static ReturnKind? ClassifyReturn(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Void)
            {
                return ReturnKind.Void;
            }
            if (type.SpecialType == SpecialType.System_String)
            {
                return ReturnKind.Text;
            }
            var name = type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (name == Message)
            {
                return ReturnKind.Message;
            }
            if (name == QuickOperationType)
            {
                return ReturnKind.Operation;
            }
            if (name == "global::System.Threading.Tasks.Task")
            {
                return ReturnKind.Task;
            }
            if (name == "global::System.Threading.Tasks.ValueTask")
            {
                return ReturnKind.ValueTask;
            }
            if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic)
            {
                var argument = generic.TypeArguments[0];
                var isText = argument.SpecialType == SpecialType.System_String;
                var isMessage = argument.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == Message;
                if (argument.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == QuickOperationType)
                {
                    if (name == "global::System.Threading.Tasks.Task<TResult>")
                    {
                        return ReturnKind.TaskOfOperation;
                    }
                    if (name == "global::System.Threading.Tasks.ValueTask<TResult>")
                    {
                        return ReturnKind.ValueTaskOfOperation;
                    }
                }
                if (isText || isMessage)
                {
                    if (name == "global::System.Threading.Tasks.Task<TResult>")
                    {
                        return isText ? ReturnKind.TaskOfText : ReturnKind.TaskOfMessage;
                    }
                    if (name == "global::System.Threading.Tasks.ValueTask<TResult>")
                    {
                        return isText ? ReturnKind.ValueTaskOfText : ReturnKind.ValueTaskOfMessage;
                    }
                }
            }
            return null;
        }

        private static string[] ReadStrings(AttributeData attribute, string name, bool normalize)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name && !named.Value.IsNull)
                {
                    var values = new List<string>();
                    foreach (var value in named.Value.Values)
                    {
                        if (value.Value is string text)
                        {
                            values.Add(normalize ? NormalizeAlias(text) : text);
                        }
                    }
                    return values.ToArray();
                }
            }
            return System.Array.Empty<string>();
        }

        // The [Check] methods of the class that apply to this command, in declaration order.
        private static CheckModel[] ReadChecks(INamedTypeSymbol type, string commandName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var checks = new List<CheckModel>();
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
                    if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string target
                        && CommandDeclaration.NormalizeName(target) != commandName)
                    {
                        continue;
                    }
                    var result = ClassifyCheckResult(method.ReturnType, out var isAsync);
                    if (result is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(GeneratorDiagnostics.UnsupportedCheck, method.Locations[0], method.Name, method.ReturnType.ToDisplayString()));
                        continue;
                    }
                    var parameters = new List<ParameterModel>();
                    foreach (var parameter in method.Parameters)
                    {
                        var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                        parameters.Add(new ParameterModel(parameter.Name, ClassifyInjected(parameter.Type, typeName) ?? ParameterSource.Service, typeName, -1, ValueConversion.None, null, null, ""));
                    }
                    checks.Add(new CheckModel(method.Name, method.IsStatic, new EquatableArray<ParameterModel>(parameters.ToArray()), result.Value, isAsync));
                }
            }
            return checks.ToArray();
        }

        // A look at the syntax first: binding every member's attributes for every command is what an
        // edit would otherwise pay for.
        private static bool MayHaveCheckAttribute(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax)
                {
                    continue;
                }
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
            return type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == Message ? CheckResultKind.Message : null;
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

        internal static string? ReadString(AttributeData attribute, string name)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name)
                {
                    return named.Value.Value as string;
                }
            }
            return null;
        }

        internal static bool ReadBool(AttributeData attribute, string name)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == name && named.Value.Value is bool value)
                {
                    return value;
                }
            }
            return false;
        }

        internal static string[] ConstructorServices(INamedTypeSymbol type)
        {
            IMethodSymbol? chosen = null;
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected)
                {
                    continue;
                }
                if (chosen is null || constructor.Parameters.Length > chosen.Parameters.Length)
                {
                    chosen = constructor;
                }
            }
            if (chosen is null)
            {
                return System.Array.Empty<string>();
            }
            var services = new string[chosen.Parameters.Length];
            for (var i = 0; i < services.Length; i++)
            {
                services[i] = chosen.Parameters[i].Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            }
            return services;
        }
    }
}
