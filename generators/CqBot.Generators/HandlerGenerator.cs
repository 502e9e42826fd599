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
        var message = Find(context, "CqBot.OnMessageAttribute", "message");
        var notice = Find(context, "CqBot.OnNoticeAttribute", "notice");
        var request = Find(context, "CqBot.OnRequestAttribute", "request");
        var meta = Find(context, "CqBot.OnMetaEventAttribute", "meta_event");
        var middleware = Find(context, "CqBot.MiddlewareAttribute", null);

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
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.HandlerDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });
        // Models without positions: moving code does not re-emit.
        return results
            .Select(static (result, _) => new HandlerResult(result.Models, EquatableArray<DiagnosticInfo>.Empty))
            .WithTrackingName(TrackingNames.HandlerModels);
    }
}
