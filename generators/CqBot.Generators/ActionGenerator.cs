using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Turns <c>[OneBotAction]</c> declarations (<c>static partial</c> extension methods of <c>IBot</c>) into
/// typed API calls: the method body and a request class nested in the declaring class, which writes the
/// action's parameters straight to a <c>Utf8JsonWriter</c> and reads its result from the response's
/// <c>data</c> one property at a time, with no reflection.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ActionGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.OneBotAction,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.ActionResults);

        // The diagnostics are reported by CqBot.Analyzers (ActionDeclarationAnalyzer), which runs the same
        // parser; an action that cannot be generated is only left out.
        // One file per method, so an edit to one declaration re-emits that method alone.
        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.ActionModels);
        context.RegisterSourceOutput(models, static (production, model) => Emitter.Emit(production, model));
    }
}
