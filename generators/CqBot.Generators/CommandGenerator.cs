using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Finds <c>[Command]</c> methods and emits, per assembly, their signatures, binders and a dispatch
/// table registered by a module initializer: no reflection at run time.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CommandGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The driver runs this transform again for every [Command] method whenever the compilation
        // changes, even after an edit inside one method body; it only reads symbols into plain values.
        var sources = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Command,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Reader.Read(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.CommandSources);

        // Parsing and binding run only for the methods whose source facts changed. Their diagnostics are
        // reported by CqBot.Analyzers (CommandDeclarationAnalyzer), which runs the same reader and binder;
        // here a command that does not bind is only left out.
        var results = sources
            .Select(static (source, cancellationToken) => Binder.Bind(source, cancellationToken))
            .WithTrackingName(TrackingNames.CommandResults);

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
