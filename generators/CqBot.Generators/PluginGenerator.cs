using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// Makes the declarations of an assembly one plugin. A <c>[Plugin]</c> class gets the body that adds every
/// command, handler and middleware of its assembly; without one, an internal <c>ApplicationPlugin</c>
/// does, and each <c>BotApplication.CreateBuilder</c> call of the assembly is intercepted to add it, so
/// a bot's own declarations need no registration line. Nothing is registered by module initializers.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class PluginGenerator : IIncrementalGenerator
{
    private static readonly string[] s_declarationAttributes =
    [
        AttributeNames.Command,
        AttributeNames.OnMessage,
        AttributeNames.OnNotice,
        AttributeNames.OnRequest,
        AttributeNames.OnMetaEvent,
        AttributeNames.Middleware,
    ];

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var pluginResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Plugin,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) => Parser.ReadPlugin(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.PluginResults);
        // The diagnostics, a second plugin class included, are reported by CqBot.Analyzers
        // (PluginDeclarationAnalyzer), which runs the same reader; an invalid plugin class is only left out.
        var plugins = pluginResults
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .Collect()
            .Select(static (items, _) => Parser.Order(items))
            .WithTrackingName(TrackingNames.AllPlugins);

        // Only whether the assembly declares anything: a boolean that stays cached while declarations change.
        IncrementalValueProvider<bool>? hasDeclarations = null;
        foreach (var attribute in s_declarationAttributes)
        {
            var any = context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax, static (_, _) => true)
                .Collect()
                .Select(static (items, _) => items.Length > 0);
            hasDeclarations = hasDeclarations is null ? any : hasDeclarations.Value.Combine(any).Select(static (pair, _) => pair.Left || pair.Right);
        }
        var declared = hasDeclarations!.Value.WithTrackingName(TrackingNames.DeclarationPresence);

        // Call sites of BotApplication.CreateBuilder. Interceptors are found the way ASP.NET Core's
        // request-delegate generator finds Map calls: a syntax check on the invocation's name first, so
        // binding happens only for calls that can be it.
        var entryCalls = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => Parser.IsCreateBuilderCall(node),
                static (syntaxContext, cancellationToken) => Parser.ReadEntryCall(syntaxContext, cancellationToken))
            .Where(static call => call is not null)
            .Select(static (call, _) => call!)
            .Collect()
            .Select(static (items, _) => new EquatableArray<EntryCallModel>(items))
            .WithTrackingName(TrackingNames.EntryCalls);

        var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? "Bot");

        var output = assemblyName
            .Combine(declared)
            .Combine(plugins)
            .Combine(entryCalls)
            .Select(static (parts, _) => new PluginOutputModel(parts.Left.Left.Left, parts.Left.Left.Right, parts.Left.Right, parts.Right))
            .WithTrackingName(TrackingNames.PluginOutput);
        context.RegisterSourceOutput(output, static (production, model) => Emitter.Emit(production, model));
    }
}
