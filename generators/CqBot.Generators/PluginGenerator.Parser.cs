using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.Generators;

// No modifiers here: the file is also compiled into CqBot.Analyzers, where the class is internal.
partial class PluginGenerator
{
    internal static class Parser
    {
        public static PluginResult ReadPlugin(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            ReadPlugin((INamedTypeSymbol)context.TargetSymbol, (ClassDeclarationSyntax)context.TargetNode, context.Attributes, WellKnownTypes.From(context.SemanticModel.Compilation), cancellationToken);

        /// <summary>Reads a [Plugin] class from its symbol, the class declaration that carries the attribute, and its [Plugin] attributes there.</summary>
        public static PluginResult ReadPlugin(INamedTypeSymbol type, ClassDeclarationSyntax syntax, ImmutableArray<AttributeData> attributes, WellKnownTypes known, CancellationToken cancellationToken)
        {
            var location = type.Locations.Length > 0 ? type.Locations[0] : null;
            cancellationToken.ThrowIfCancellationRequested();
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || type.ContainingType is not null || type.IsGenericType || type.IsStatic)
            {
                return new PluginResult(null, null, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(DiagnosticIds.InvalidPluginClass, location, type.Name) }));
            }
            var needsBase = type.BaseType is null || type.BaseType.SpecialType == SpecialType.System_Object;
            if (!needsBase && !DerivesFromBotPlugin(type, known))
            {
                return new PluginResult(null, null, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(DiagnosticIds.InvalidPluginClass, location, type.Name) }));
            }
            var diagnostics = new List<DiagnosticInfo>();
            var settings = SettingsTypeOf(type, known) is { } settingsType ? ReadSettings(settingsType, known, diagnostics, cancellationToken) : null;
            if (diagnostics.Count > 0)
            {
                return new PluginResult(null, null, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
            }
            string? name = null;
            foreach (var attribute in attributes)
            {
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string given)
                {
                    name = given;
                }
            }
            var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
            var model = new ContainingTypeModel(ns, type.Name, "class", type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            return new PluginResult(new PluginModel(model, name, needsBase, settings), LocationInfo.From(location), EquatableArray<DiagnosticInfo>.Empty);
        }

        /// <summary>Plugins in a fixed order, so the first (the one that gets the declarations) does not depend on file order.</summary>
        public static EquatableArray<PluginModel> Order(ImmutableArray<PluginModel> plugins)
        {
            var sorted = new List<PluginModel>(plugins);
            sorted.Sort(static (a, b) => string.CompareOrdinal(a.Type.FullyQualifiedName, b.Type.FullyQualifiedName));
            return new EquatableArray<PluginModel>(sorted.ToArray());
        }

        /// <summary>A cheap syntax check: an invocation of something named <c>CreateBuilder</c>.</summary>
        public static bool IsCreateBuilderCall(SyntaxNode node) =>
            node is InvocationExpressionSyntax invocation
            && invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == "CreateBuilder",
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "CreateBuilder",
                _ => false,
            };

        /// <summary>The interceptable location of a call of <c>BotApplication.CreateBuilder(string[])</c>, or null for any other call.</summary>
        public static EntryCallModel? ReadEntryCall(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (context.SemanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || method.Name != "CreateBuilder"
                || method.Parameters.Length != 1
                || !WellKnownTypes.Is(method.ContainingType, WellKnownTypes.From(context.SemanticModel.Compilation).BotApplication))
            {
                return null;
            }
            var location = context.SemanticModel.GetInterceptableLocation(invocation, cancellationToken);
            return location is null ? null : new EntryCallModel(location.Version, location.Data, location.GetDisplayLocation());
        }

        // The TSettings of the nearest BotPlugin<TSettings> base, if any.
        private static INamedTypeSymbol? SettingsTypeOf(INamedTypeSymbol type, WellKnownTypes known)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.IsGenericType && current.TypeArguments.Length == 1
                    && WellKnownTypes.IsConstructedFrom(current, known.BotPluginOfSettings))
                {
                    return current.TypeArguments[0] as INamedTypeSymbol;
                }
            }
            return null;
        }

        private static SettingsModel ReadSettings(INamedTypeSymbol settings, WellKnownTypes known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var properties = new List<SettingModel>();
            foreach (var member in settings.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsIndexer: false } property
                    || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false })
                {
                    continue;
                }
                if (ReaderOf(property.Type, known) is not { } reader)
                {
                    var where = property.Locations.Length > 0 ? property.Locations[0] : null;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedSetting, where, property.Name, settings.Name, property.Type.ToDisplayString()));
                    continue;
                }
                properties.Add(new SettingModel(property.Name, property.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), reader));
            }
            return new SettingsModel(settings.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), new EquatableArray<SettingModel>(properties.ToArray()));
        }

        private static string? ReaderOf(ITypeSymbol type, WellKnownTypes known)
        {
            if (type.TypeKind == TypeKind.Enum)
            {
                return "Enum";
            }
            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Boolean:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Double:
                    return "Value";
            }
            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String or SpecialType.System_Int64 })
            {
                return "Value";
            }
            return WellKnownTypes.Is(type, known.TimeSpan) || WellKnownTypes.Is(type, known.Uri) ? "Value" : null;
        }

        private static bool DerivesFromBotPlugin(INamedTypeSymbol type, WellKnownTypes known)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (WellKnownTypes.Is(current, known.BotPlugin) || WellKnownTypes.IsConstructedFrom(current, known.BotPluginOfSettings))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
