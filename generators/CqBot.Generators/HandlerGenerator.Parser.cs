using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

// No modifiers here: the file is also compiled into CqBot.Analyzers, where the class is internal.
partial class HandlerGenerator
{
    internal static class Parser
    {
        public static HandlerResult Parse(GeneratorAttributeSyntaxContext context, string? postType, CancellationToken cancellationToken) =>
            Parse((IMethodSymbol)context.TargetSymbol, context.Attributes, postType, WellKnownTypes.From(context.SemanticModel.Compilation), cancellationToken);

        /// <summary>
        /// Parses a handler method from its symbol and its attributes of one handler attribute class (the
        /// class of <paramref name="postType"/>; null for middleware).
        /// </summary>
        public static HandlerResult Parse(IMethodSymbol method, ImmutableArray<AttributeData> attributes, string? postType, WellKnownTypes known, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var containingType = MethodSignatureReader.ContainingType(method.ContainingType, diagnostics, cancellationToken);
            if (containingType is null)
            {
                return Done([], diagnostics);
            }
            var services = new EquatableArray<string>(MethodSignatureReader.ConstructorServices(method.ContainingType));
            if (postType is null)
            {
                return ParseMiddleware(attributes, known, method, containingType, services, diagnostics);
            }

            var returnKind = MethodSignatureReader.ClassifyReturn(method.ReturnType, known);
            if (returnKind is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedHandlerReturnType, method.Locations[0], method.Name, method.ReturnType.ToDisplayString()));
                return Done([], diagnostics);
            }
            var parameters = new List<ParameterModel>();
            string? eventTypeName = null;
            foreach (var parameter in method.Parameters)
            {
                var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                var source = MethodSignatureReader.ClassifyInjected(parameter.Type, known) ?? ParameterSource.Service;
                if (source == ParameterSource.Context)
                {
                    source = ParameterSource.Service;
                }
                if (source == ParameterSource.Event && !WellKnownTypes.Is(parameter.Type, known.Event))
                {
                    eventTypeName = typeName;
                }
                parameters.Add(new ParameterModel(parameter.Name, source, typeName, -1, ValueConversion.None, null, null, ""));
            }

            var models = new List<HandlerModel>();
            for (var i = 0; i < attributes.Length; i++)
            {
                var attribute = attributes[i];
                var type = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                var subType = attribute.ConstructorArguments.Length > 1 ? attribute.ConstructorArguments[1].Value as string : null;
                var name = postType;
                if (!string.IsNullOrEmpty(type))
                {
                    name += "/" + type;
                    if (!string.IsNullOrEmpty(subType))
                    {
                        name += "/" + subType;
                    }
                }
                models.Add(new HandlerModel(
                    containingType, method.Name, method.IsStatic, HandlerKind.Event, name,
                    AttributeArguments.ReadInt(attribute, "Priority"), AttributeArguments.ReadBool(attribute, "Block"), false,
                    new EquatableArray<ParameterModel>(parameters.ToArray()), eventTypeName, returnKind.Value, services, i));
            }
            return Done(models, diagnostics);
        }

        private static HandlerResult ParseMiddleware(ImmutableArray<AttributeData> attributes, WellKnownTypes known, IMethodSymbol method, ContainingTypeModel containingType, EquatableArray<string> services, List<DiagnosticInfo> diagnostics)
        {
            var returnsMessage = method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } generic
                && WellKnownTypes.Is(generic.TypeArguments[0], known.Message);
            var isValueTask = WellKnownTypes.IsConstructedFrom(method.ReturnType, known.ValueTaskOfResult);
            var isTask = WellKnownTypes.IsConstructedFrom(method.ReturnType, known.TaskOfResult);
            if (!returnsMessage || !(isValueTask || isTask) || method.Parameters.Length != 2
                || !WellKnownTypes.Is(method.Parameters[0].Type, known.Session)
                || !WellKnownTypes.Is(method.Parameters[1].Type, known.Next))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidMiddlewareSignature, method.Locations[0], method.Name));
                return Done([], diagnostics);
            }
            var model = new HandlerModel(
                containingType, method.Name, method.IsStatic, HandlerKind.Middleware, "", 0, false,
                AttributeArguments.ReadBool(attributes[0], "Prepend"), EquatableArray<ParameterModel>.Empty, null,
                isValueTask ? ReturnKind.ValueTaskOfMessage : ReturnKind.TaskOfMessage, services, 0);
            return Done([model], diagnostics);
        }

        private static HandlerResult Done(List<HandlerModel> models, List<DiagnosticInfo> diagnostics) =>
            new(new EquatableArray<HandlerModel>(models.ToArray()), new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }
}
