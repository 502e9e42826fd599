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
    internal const string OneBotActionAttributeName = "CqBot.OneBotActionAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                OneBotActionAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.ActionResults);

        // Diagnostics go out on their own: their positions change with every edit above them, the models do not.
        context.RegisterSourceOutput(results.Select(static (result, _) => result.Diagnostics), static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        // One file per method, so an edit to one declaration re-emits that method alone.
        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.ActionModels);
        context.RegisterSourceOutput(models, static (production, model) => Emitter.Emit(production, model));
    }
}
