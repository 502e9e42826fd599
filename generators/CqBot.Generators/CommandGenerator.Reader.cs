using System.Collections.Generic;
using System.Threading;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CqBot.Generators.AttributeArguments;

namespace CqBot.Generators;

// No modifiers here: the file is also compiled into CqBot.Analyzers, where the class is internal.
partial class CommandGenerator
{
    /// <summary>
    /// The Roslyn side of the command pipeline: reads a <c>[Command]</c> method's symbols, attributes and
    /// syntax into a <see cref="CommandSource"/> of plain values. <see cref="Binder"/> does the rest.
    /// </summary>
    internal static class Reader
    {
        /// <summary>
        /// Reads what the compiler knows about a [Command] method. This runs for every command after every
        /// edit, so it only reads symbols; <see cref="Binder.Bind"/> does the rest.
        /// </summary>
        public static CommandSource Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            Read((IMethodSymbol)context.TargetSymbol, context.Attributes[0], context.TargetNode, WellKnownTypes.From(context.SemanticModel.Compilation), cancellationToken);

        /// <summary>
        /// Reads a [Command] method from its symbol, its [Command] attribute and, when known, its method
        /// declaration (which gives parameter names their positions without allocating locations).
        /// </summary>
        public static CommandSource Read(IMethodSymbol method, AttributeData attribute, SyntaxNode? targetNode, WellKnownTypes known, CancellationToken cancellationToken)
        {
            var declarationLocation = ArgumentLocation(attribute, 0, cancellationToken)
                ?? (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } applied ? LocationInfo.From(applied) : null);

            var typeDiagnostics = new List<DiagnosticInfo>();
            var containingType = MethodSignatureReader.ContainingType(method.ContainingType, typeDiagnostics, cancellationToken);
            var declarationText = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            var returnKind = MethodSignatureReader.ClassifyReturn(method.ReturnType, known);
            var returnDiagnostic = returnKind is null
                ? DiagnosticInfo.Create(DiagnosticIds.UnsupportedReturnType, method.Locations[0], method.Name, method.ReturnType.ToDisplayString())
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
                if (WellKnownTypes.Is(candidate.AttributeClass, known.OptionAttribute))
                {
                    if (candidate.ConstructorArguments.Length >= 1 && candidate.ConstructorArguments[0].Value is string name)
                    {
                        options.Add(ReadOption(candidate, name, cancellationToken));
                    }
                }
                else if (WellKnownTypes.Is(candidate.AttributeClass, known.ShortcutAttribute) && candidate.ConstructorArguments.Length == 1 && candidate.ConstructorArguments[0].Value is string pattern)
                {
                    shortcuts.Add(new ShortcutModel(pattern, ReadString(candidate, "Arguments") ?? "", ReadBool(candidate, "Fuzzy"), ReadBool(candidate, "RequireAddress")));
                }
            }

            var parameterSyntax = (targetNode as MethodDeclarationSyntax)?.ParameterList.Parameters;
            var parameters = new MethodParameter[method.Parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parameters[i] = ReadParameter(method.Parameters[i], known, parameterSyntax is { } list && i < list.Count ? list[i] : null);
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
                new EquatableArray<CheckSource>(ReadChecks(method.ContainingType, known, cancellationToken)));
        }

        // The syntax, when given, is the parameter's own declaration: its name is where the symbol's
        // location points, read without allocating a Location.
        private static MethodParameter ReadParameter(IParameterSymbol parameter, WellKnownTypes known, ParameterSyntax? syntax)
        {
            var type = parameter.Type;
            var typeName = SymbolNames.FullyQualified(type);
            var injected = MethodSignatureReader.ClassifyInjected(type, known);
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
                TypeShape.Of(type, known),
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
        private static CheckSource[] ReadChecks(INamedTypeSymbol type, WellKnownTypes known, CancellationToken cancellationToken)
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
                    if (!WellKnownTypes.Is(attribute.AttributeClass, known.CheckAttribute))
                    {
                        continue;
                    }
                    checks ??= [];
                    var target = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                    var result = ClassifyCheckResult(method.ReturnType, known, out var isAsync);
                    if (result is null)
                    {
                        checks.Add(new CheckSource(target, null, DiagnosticInfo.Create(DiagnosticIds.UnsupportedCheck, method.Locations[0], method.Name, method.ReturnType.ToDisplayString())));
                        continue;
                    }
                    var parameters = new List<ParameterModel>();
                    foreach (var parameter in method.Parameters)
                    {
                        var typeName = SymbolNames.FullyQualified(parameter.Type);
                        parameters.Add(new ParameterModel(parameter.Name, MethodSignatureReader.ClassifyInjected(parameter.Type, known) ?? ParameterSource.Service, typeName, -1, ValueConversion.None, null, null, ""));
                    }
                    checks.Add(new CheckSource(target, new CheckModel(method.Name, method.IsStatic, new EquatableArray<ParameterModel>(parameters.ToArray()), result.Value, isAsync), null));
                }
            }
            return checks?.ToArray() ?? System.Array.Empty<CheckSource>();
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

        private static CheckResultKind? ClassifyCheckResult(ITypeSymbol type, WellKnownTypes known, out bool isAsync)
        {
            isAsync = false;
            if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic
                && (WellKnownTypes.IsConstructedFrom(type, known.TaskOfResult) || WellKnownTypes.IsConstructedFrom(type, known.ValueTaskOfResult)))
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
            return WellKnownTypes.Is(type, known.Message) ? CheckResultKind.Message : null;
        }
    }
}
