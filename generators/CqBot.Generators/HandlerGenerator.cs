using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Finds <c>[OnMessage]</c>, <c>[OnNotice]</c>, <c>[OnRequest]</c>, <c>[OnMetaEvent]</c> and <c>[Middleware]</c>
/// methods and emits a handler table, ordered by priority at registration, registered by a module
/// initializer.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class HandlerGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var message = Find(context, AttributeNames.OnMessage, "message");
        var notice = Find(context, AttributeNames.OnNotice, "notice");
        var request = Find(context, AttributeNames.OnRequest, "request");
        var meta = Find(context, AttributeNames.OnMetaEvent, "meta_event");
        var middleware = Find(context, AttributeNames.Middleware, null);

        var all = message.Collect()
            .Combine(notice.Collect())
            .Combine(request.Collect())
            .Combine(meta.Collect())
            .Combine(middleware.Collect())
            .Select(static (pairs, _) =>
            {
                var results = new System.Collections.Generic.List<HandlerResult>();
                results.AddRange(pairs.Left.Left.Left.Left);
                results.AddRange(pairs.Left.Left.Left.Right);
                results.AddRange(pairs.Left.Left.Right);
                results.AddRange(pairs.Left.Right);
                results.AddRange(pairs.Right);
                var models = new System.Collections.Generic.List<HandlerModel>();
                foreach (var result in results)
                {
                    models.AddRange(result.Models);
                }
                return new EquatableArray<HandlerModel>(models.ToArray());
            })
            .WithTrackingName(TrackingNames.AllHandlers);
        context.RegisterSourceOutput(all, static (production, handlers) => Emitter.Emit(production, handlers));
    }

    private static IncrementalValuesProvider<HandlerResult> Find(IncrementalGeneratorInitializationContext context, string attribute, string? postType)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, postType, cancellationToken))
            .WithTrackingName(TrackingNames.HandlerResults);
        // The diagnostics are reported by CqBot.Analyzers (HandlerDeclarationAnalyzer), which runs the same
        // parser. Models without positions: moving code does not re-emit.
        return results
            .Select(static (result, _) => new HandlerResult(result.Models, EquatableArray<DiagnosticInfo>.Empty))
            .WithTrackingName(TrackingNames.HandlerModels);
    }
}
