using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Finds <c>[Command]</c> methods and emits, per assembly, their argument parsers and a dispatch
/// table registered by a module initializer: no reflection at run time.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CommandGenerator : IIncrementalGenerator
{
    internal const string CommandAttributeName = "CqBot.CommandAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                CommandAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.CommandResults);

        // Diagnostics carry positions; they get their own output so that moving code re-reports
        // diagnostics without re-emitting source.
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.CommandDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.CommandModels);

        var all = models
            .Collect()
            .Select(static (items, _) => new EquatableArray<CommandModel>(items))
            .WithTrackingName(TrackingNames.AllCommands);

        context.RegisterSourceOutput(all, static (production, commands) => Emitter.Emit(production, commands));
    }
}

/// <summary>What parsing one [Command] method produced: a model when it can be generated, and diagnostics.</summary>
internal sealed record CommandResult(CommandModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
