using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.Generators;

// No modifiers here: the file is also compiled into CqBot.Analyzers, where the class is internal.
partial class ActionGenerator
{
    /// <summary>Reads an action method, its parameters and its result type into an <see cref="ActionModel"/>.</summary>
    internal static class Parser
    {
        // Parameter and return types are written as declared, '?' included, so the generated part matches the declaration.
        private static readonly SymbolDisplayFormat s_declaredFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        // Members of the request class that a parameter's property must not hide.
        private static readonly HashSet<string> s_reservedNames =
        [
            "Action", "Mode", "WireAction", "SendsMessage", "TargetGroupId", "GetParameters", "WriteParameters",
            "ReadResult", "ToString", "Equals", "GetHashCode", "GetType",
        ];

        public static ActionResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            Parse((IMethodSymbol)context.TargetSymbol, context.Attributes[0], (MethodDeclarationSyntax)context.TargetNode, WellKnownTypes.From(context.SemanticModel.Compilation), cancellationToken);

        /// <summary>Reads an action method from its symbol, its first [OneBotAction] attribute and the method declaration that carries it.</summary>
        public static ActionResult Parse(IMethodSymbol method, AttributeData attribute, MethodDeclarationSyntax syntax, WellKnownTypes known, CancellationToken cancellationToken)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } action)
            {
                // The compiler reports the missing argument; an empty name fails when the request is made.
                return new ActionResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }
            var diagnostics = new List<DiagnosticInfo>();
            var containingType = ReadContainingType(method, syntax, known, cancellationToken);
            if (containingType is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidActionMethod, LocationInfo.From(syntax.Identifier), method.Name));
                return Done(null, diagnostics);
            }

            if (IsLaterOverload(method, known, cancellationToken))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateActionName, LocationInfo.From(syntax.Identifier), method.Name, method.ContainingType.Name, RequestName(method.Name)));
                return Done(null, diagnostics);
            }

            var returnType = method.ReturnType;
            var isValueTask = WellKnownTypes.Is(returnType, known.ValueTask) || WellKnownTypes.IsConstructedFrom(returnType, known.ValueTaskOfResult);
            var isTask = WellKnownTypes.Is(returnType, known.Task) || WellKnownTypes.IsConstructedFrom(returnType, known.TaskOfResult);
            var types = new ResultTypes(known, diagnostics, LocationInfo.From(syntax.ReturnType), cancellationToken);
            ValueShape? result = null;
            string? resultTypeName = null;
            var returnSupported = isTask || isValueTask;
            if (returnSupported && returnType is INamedTypeSymbol { TypeArguments.Length: 1 } generic)
            {
                resultTypeName = generic.TypeArguments[0].ToDisplayString(s_declaredFormat);
                result = types.Classify(generic.TypeArguments[0], forResult: true);
                returnSupported = result is not null || types.Failed;
            }
            if (!returnSupported)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedActionReturn, LocationInfo.From(syntax.ReturnType), method.Name, returnType.ToDisplayString()));
            }

            var parameters = new List<ActionParameterModel>();
            for (var i = 1; i < method.Parameters.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parameter = method.Parameters[i];
                var parameterSyntax = i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null;
                var location = parameterSyntax is null ? LocationInfo.From(syntax.Identifier) : LocationInfo.From(parameterSyntax);
                if (ReadParameter(parameter, types, resultTypeName is not null, method.Name, location, diagnostics) is { } read)
                {
                    parameters.Add(read);
                }
            }
            if (diagnostics.Count > 0)
            {
                return Done(null, diagnostics);
            }

            var model = new ActionModel(
                containingType,
                method.Name,
                AccessibilityText(method.DeclaredAccessibility),
                action,
                RequestName(method.Name),
                ReadSendsMessage(attribute) || (action.StartsWith("send_", System.StringComparison.Ordinal) && action.EndsWith("_msg", System.StringComparison.Ordinal)),
                method.Parameters[0].Name,
                new EquatableArray<ActionParameterModel>(parameters.ToArray()),
                new ActionReturnModel(isValueTask, returnType.ToDisplayString(s_declaredFormat), resultTypeName, result),
                new EquatableArray<ResultTypeModel>(types.Objects()),
                new EquatableArray<EnumTypeModel>(types.Enums()));
            return Done(model, diagnostics);
        }

        // The first action method of a name (in source order) owns its request class; the others are reported.
        private static bool IsLaterOverload(IMethodSymbol method, WellKnownTypes known, CancellationToken cancellationToken)
        {
            var own = method.Locations[0];
            foreach (var member in method.ContainingType.GetMembers(method.Name))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol other || SymbolEqualityComparer.Default.Equals(other, method) || other.Locations.Length == 0)
                {
                    continue;
                }
                var isAction = false;
                foreach (var attribute in other.GetAttributes())
                {
                    isAction |= WellKnownTypes.Is(attribute.AttributeClass, known.OneBotActionAttribute);
                }
                var location = other.Locations[0];
                var earlier = string.CompareOrdinal(location.SourceTree?.FilePath, own.SourceTree?.FilePath) is var byFile && byFile != 0
                    ? byFile < 0
                    : location.SourceSpan.Start < own.SourceSpan.Start;
                if (isAction && earlier)
                {
                    return true;
                }
            }
            return false;
        }

        private static ActionResult Done(ActionModel? model, List<DiagnosticInfo> diagnostics) =>
            new(model, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));

        /// <summary>The class around a valid declaration, or null when the method or its class has the wrong shape.</summary>
        private static ContainingTypeModel? ReadContainingType(IMethodSymbol method, MethodDeclarationSyntax syntax, WellKnownTypes known, CancellationToken cancellationToken)
        {
            var type = method.ContainingType;
            var shapeIsValid = method.IsStatic && method.IsExtensionMethod && !method.IsGenericMethod
                && syntax.Modifiers.Any(SyntaxKind.PartialKeyword) && syntax.Body is null && syntax.ExpressionBody is null
                && method.Parameters.Length > 0 && WellKnownTypes.Is(method.Parameters[0].Type, known.Bot)
                && type is { IsStatic: true, IsGenericType: false, ContainingType: null };
            if (!shapeIsValid)
            {
                return null;
            }
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
                    return new ContainingTypeModel(ns, type.Name, "class", type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                }
            }
            return null;
        }

        private static ActionParameterModel? ReadParameter(IParameterSymbol parameter, ResultTypes types, bool hasResult, string methodName, LocationInfo? location, List<DiagnosticInfo> diagnostics)
        {
            var typeName = parameter.Type.ToDisplayString(s_declaredFormat);
            var defaultLiteral = parameter.HasExplicitDefaultValue ? Literal(parameter.ExplicitDefaultValue, parameter.Type) : null;
            var property = PropertyName(parameter.Name);
            if (WellKnownTypes.Is(parameter.Type, types.Known.CancellationToken))
            {
                return new ActionParameterModel(parameter.Name, typeName, ActionParameterRole.CancellationToken, property, "", null, false, defaultLiteral);
            }
            if (WellKnownTypes.Is(parameter.Type, types.Known.ApiCallMode))
            {
                if (hasResult)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.ModeWithResult, location, parameter.Name, methodName));
                    return null;
                }
                return new ActionParameterModel(parameter.Name, typeName, ActionParameterRole.Mode, property, "", null, false, defaultLiteral);
            }
            var shape = parameter.RefKind == RefKind.None ? types.Classify(parameter.Type, forResult: false) : null;
            if (shape is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedActionParameter, location, parameter.Name, methodName, parameter.Type.ToDisplayString()));
                return null;
            }
            return new ActionParameterModel(parameter.Name, typeName, ActionParameterRole.Value, property, JsonName(parameter, types.Known), shape, parameter.IsParams, defaultLiteral);
        }

        private static bool ReadSendsMessage(AttributeData attribute)
        {
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "SendsMessage" && named.Value.Value is bool value)
                {
                    return value;
                }
            }
            return false;
        }

        /// <summary><c>GetGroupMemberInfoAsync</c> → <c>GetGroupMemberInfoRequest</c>.</summary>
        internal static string RequestName(string methodName) =>
            (methodName.EndsWith("Async", System.StringComparison.Ordinal) && methodName.Length > 5 ? methodName.Substring(0, methodName.Length - 5) : methodName) + "Request";

        private static string PropertyName(string parameterName)
        {
            var name = char.ToUpperInvariant(parameterName[0]) + parameterName.Substring(1);
            return s_reservedNames.Contains(name) ? name + "Parameter" : name;
        }

        /// <summary>The JSON name of a parameter or property: its <c>[Parameter("…")]</c>, or its name in snake_case.</summary>
        internal static string JsonName(ISymbol symbol, WellKnownTypes known)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (WellKnownTypes.Is(attribute.AttributeClass, known.ParameterAttribute)
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 } name)
                {
                    return name;
                }
            }
            return SnakeCase(symbol.Name);
        }

        /// <summary><c>groupId</c> → <c>group_id</c>, <c>StrongNewbie</c> → <c>strong_newbie</c>, <c>CsrfToken</c> → <c>csrf_token</c>.</summary>
        internal static string SnakeCase(string name)
        {
            var builder = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    var afterWord = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                    var endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (afterWord || endsAcronym)
                    {
                        builder.Append('_');
                    }
                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(c);
                }
            }
            return builder.ToString();
        }

        private static string AccessibilityText(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            Accessibility.Protected => "protected",
            _ => "private",
        };

        /// <summary>The C# literal of a parameter's default value.</summary>
        private static string Literal(object? value, ITypeSymbol type)
        {
            var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper ? wrapper.TypeArguments[0] : type;
            if (value is null)
            {
                return type.IsValueType && ReferenceEquals(underlying, type) ? "default" : "null";
            }
            var number = value switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
                float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
                decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
                System.IFormattable formattable when value is not bool and not char => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            if (underlying.TypeKind == TypeKind.Enum)
            {
                return "(" + SymbolNames.FullyQualified(underlying) + ")(" + number + ")";
            }
            return value switch
            {
                bool b => b ? "true" : "false",
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                _ => number ?? "default",
            };
        }

        /// <summary>
        /// Classifies parameter and result types, and collects the object types and enums whose readers
        /// the request needs (each once, so a type that contains itself is read by a recursive reader).
        /// </summary>
        private sealed class ResultTypes(WellKnownTypes known, List<DiagnosticInfo> diagnostics, LocationInfo? fallbackLocation, CancellationToken cancellationToken)
        {
            /// <summary>The well-known types of the compilation being read.</summary>
            public WellKnownTypes Known => known;

            private readonly Dictionary<string, string> _helperByType = new(System.StringComparer.Ordinal);
            private readonly HashSet<string> _helperNames = new(System.StringComparer.Ordinal);
            private readonly List<ResultTypeModel> _objects = [];
            private readonly List<EnumTypeModel> _enums = [];

            /// <summary>True when a result property was unsupported and reported.</summary>
            public bool Failed { get; private set; }

            public ResultTypeModel[] Objects() => _objects.ToArray();

            public EnumTypeModel[] Enums() => _enums.ToArray();

            public ValueShape? Classify(ITypeSymbol type, bool forResult)
            {
                var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
                if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
                {
                    nullable = true;
                    type = wrapper.TypeArguments[0];
                }
                var collection = CollectionKind.None;
                ITypeSymbol? element = null;
                if (type is IArrayTypeSymbol { Rank: 1 } array)
                {
                    collection = CollectionKind.Array;
                    element = array.ElementType;
                }
                else if (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic
                    && WellKnownTypes.IsConstructedFrom(generic, known.ReadOnlyList))
                {
                    collection = CollectionKind.List;
                    element = generic.TypeArguments[0];
                }
                if (element is not null)
                {
                    if (element is IArrayTypeSymbol || element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                    {
                        return null;
                    }
                    var item = Single(element, forResult);
                    if (item is null || item.Kind == ValueKind.Json || (!forResult && item.Kind is not (ValueKind.Int64 or ValueKind.Int32 or ValueKind.String or ValueKind.Message)))
                    {
                        return null;
                    }
                    return item with { Nullable = nullable, Collection = collection };
                }
                var single = Single(type, forResult);
                return single is null ? null : single with { Nullable = nullable };
            }

            private ValueShape? Single(ITypeSymbol type, bool forResult)
            {
                switch (type.SpecialType)
                {
                    case SpecialType.System_Int64: return Shape(ValueKind.Int64, "long");
                    case SpecialType.System_Int32: return Shape(ValueKind.Int32, "int");
                    case SpecialType.System_Boolean: return Shape(ValueKind.Boolean, "bool");
                    case SpecialType.System_Double: return Shape(ValueKind.Double, "double");
                    case SpecialType.System_String: return Shape(ValueKind.String, "string");
                }
                if (type is IArrayTypeSymbol)
                {
                    return null;
                }
                var name = SymbolNames.FullyQualified(type);
                if (WellKnownTypes.Is(type, known.Message))
                {
                    return Shape(ValueKind.Message, name);
                }
                if (WellKnownTypes.Is(type, known.JsonElement))
                {
                    return Shape(ValueKind.Json, name);
                }
                if (type.TypeKind == TypeKind.Enum)
                {
                    return new ValueShape(ValueKind.Enum, name, false, CollectionKind.None, EnumHelper((INamedTypeSymbol)type, name));
                }
                if (forResult && type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false, IsGenericType: false } named
                    && named.SpecialType == SpecialType.None && HasParameterlessConstructor(named))
                {
                    var reader = ObjectReader(named, name);
                    return reader is null ? null : new ValueShape(ValueKind.Object, name, false, CollectionKind.None, reader);
                }
                return null;
            }

            private static ValueShape Shape(ValueKind kind, string name) => new(kind, name, false, CollectionKind.None, null);

            private static bool HasParameterlessConstructor(INamedTypeSymbol type)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    if (constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
                    {
                        return true;
                    }
                }
                return false;
            }

            private string NewHelper(string prefix, string typeName)
            {
                var name = prefix + typeName;
                for (var i = 2; !_helperNames.Add(name); i++)
                {
                    name = prefix + typeName + i.ToString(CultureInfo.InvariantCulture);
                }
                return name;
            }

            private string EnumHelper(INamedTypeSymbol type, string name)
            {
                if (_helperByType.TryGetValue(name, out var existing))
                {
                    return existing;
                }
                var helper = NewHelper("Enum", type.Name);
                _helperByType[name] = helper;
                var members = new List<EnumMemberModel>();
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true, IsStatic: true } field)
                    {
                        members.Add(new EnumMemberModel(field.Name, EnumJsonName(field)));
                    }
                }
                _enums.Add(new EnumTypeModel(name, helper, new EquatableArray<EnumMemberModel>(members.ToArray())));
                return helper;
            }

            // A member is written as its name in snake_case unless [JsonStringEnumMemberName("…")] names it.
            private string EnumJsonName(IFieldSymbol field)
            {
                foreach (var attribute in field.GetAttributes())
                {
                    if (WellKnownTypes.Is(attribute.AttributeClass, known.JsonStringEnumMemberNameAttribute)
                        && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 } name)
                    {
                        return name;
                    }
                }
                return SnakeCase(field.Name);
            }

            private string? ObjectReader(INamedTypeSymbol type, string name)
            {
                if (_helperByType.TryGetValue(name, out var existing))
                {
                    return existing;
                }
                var helper = NewHelper("Read", type.Name);
                _helperByType[name] = helper;
                var index = _objects.Count;
                _objects.Add(null!);
                var properties = new List<ResultPropertyModel>();
                var seen = new HashSet<string>(System.StringComparer.Ordinal);
                for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, SetMethod.DeclaredAccessibility: Accessibility.Public } property
                            || !seen.Add(property.Name))
                        {
                            continue;
                        }
                        var shape = Classify(property.Type, forResult: true);
                        if (shape is null)
                        {
                            Failed = true;
                            var location = property.Locations.Length > 0 && property.Locations[0].IsInSource ? LocationInfo.From(property.Locations[0]) : fallbackLocation;
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedResultProperty, location, property.Name, type.ToDisplayString(), property.Type.ToDisplayString()));
                            continue;
                        }
                        properties.Add(new ResultPropertyModel(property.Name, JsonName(property, known), shape, property.IsRequired));
                    }
                }
                _objects[index] = new ResultTypeModel(name, helper, new EquatableArray<ResultPropertyModel>(properties.ToArray()));
                return helper;
            }
        }
    }
}
