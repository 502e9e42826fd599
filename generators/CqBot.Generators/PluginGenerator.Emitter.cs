using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using CqBot.Generators.Model;

namespace CqBot.Generators;

public sealed partial class PluginGenerator
{
    internal static class Emitter
    {
        private static readonly string GeneratedCode = GeneratedSource.GeneratedCode;
        private const string ApplicationPlugin = "global::CqBot.Generated.ApplicationPlugin";

        public static void Emit(SourceProductionContext production, PluginOutputModel model)
        {
            if (!model.HasDeclarations && model.Plugins.Count == 0)
            {
                return;
            }
            production.AddSource("CqBot.Declarations.g.cs", EmitDeclarations(model));
            for (var i = 0; i < model.Plugins.Count; i++)
            {
                var plugin = model.Plugins[i];
                production.AddSource(GeneratedSource.HintName(plugin.Type, "Plugin"), EmitPlugin(plugin, ownsDeclarations: i == 0));
            }
            if (model.EntryCalls.Count > 0)
            {
                var plugin = model.Plugins.Count > 0 ? model.Plugins[0].Type.FullyQualifiedName : ApplicationPlugin;
                production.AddSource("CqBot.ApplicationEntry.g.cs", EmitInterceptors(model.EntryCalls, plugin));
            }
        }

        // The command and handler generators implement the partial methods when there is something to add.
        private static string EmitDeclarations(PluginOutputModel model)
        {
            var writer = GeneratedSource.Header();
            writer.Open("namespace CqBot.Generated");
            writer.Line("/// <summary>The commands, event handlers and middleware declared in this assembly.</summary>");
            writer.Line(GeneratedCode);
            writer.Open("internal static partial class CqBotDeclarations");
            writer.Line("/// <summary>Adds every command, event handler and middleware declared in this assembly to <paramref name=\"plugin\"/>.</summary>");
            writer.Open("public static void AddTo(global::CqBot.PluginBuilder plugin)");
            writer.Line("AddCommands(plugin);");
            writer.Line("AddHandlers(plugin);");
            writer.Close();
            writer.Line();
            writer.Line("static partial void AddCommands(global::CqBot.PluginBuilder plugin);");
            writer.Line();
            writer.Line("static partial void AddHandlers(global::CqBot.PluginBuilder plugin);");
            writer.Close();
            if (model.Plugins.Count == 0)
            {
                writer.Line();
                writer.Line("/// <summary>");
                writer.Line("/// The plugin of this assembly's own declarations, named after the assembly; <c>BotApplication.CreateBuilder</c>");
                writer.Line("/// calls in this assembly add it.");
                writer.Line("/// </summary>");
                writer.Line(GeneratedCode);
                writer.Open("internal sealed class ApplicationPlugin : global::CqBot.BotPlugin");
                writer.Line("/// <inheritdoc />");
                writer.Line("public override string Name => " + Literal(model.AssemblyName) + ";");
                writer.Line();
                writer.Line("/// <inheritdoc />");
                writer.Line("protected override void AddDeclarations(global::CqBot.PluginBuilder plugin) => CqBotDeclarations.AddTo(plugin);");
                writer.Close();
            }
            writer.Close();
            return writer.ToString();
        }

        private static string EmitPlugin(PluginModel plugin, bool ownsDeclarations)
        {
            var writer = GeneratedSource.Header();
            if (plugin.Type.Namespace is not null)
            {
                writer.Open("namespace " + plugin.Type.Namespace);
            }
            writer.Line(GeneratedCode);
            writer.Open("partial class " + plugin.Type.Name + (plugin.NeedsBaseType ? " : global::CqBot.BotPlugin" : ""));
            if (plugin.Name is not null)
            {
                writer.Line("/// <inheritdoc />");
                writer.Line("public override string Name => " + Literal(plugin.Name) + ";");
                writer.Line();
            }
            if (plugin.Settings is { } settings)
            {
                SettingsEmitter.EmitBinder(writer, settings);
                writer.Line();
            }
            if (ownsDeclarations)
            {
                writer.Line("/// <summary>Adds every command, event handler and middleware declared in this assembly.</summary>");
                writer.Line("protected override void AddDeclarations(global::CqBot.PluginBuilder plugin) => global::CqBot.Generated.CqBotDeclarations.AddTo(plugin);");
            }
            writer.Close();
            if (plugin.Type.Namespace is not null)
            {
                writer.Close();
            }
            return writer.ToString();
        }

        private static string EmitInterceptors(EquatableArray<EntryCallModel> calls, string plugin)
        {
            var writer = GeneratedSource.Header();
            writer.Open("namespace System.Runtime.CompilerServices");
            writer.Line("[global::System.AttributeUsage(global::System.AttributeTargets.Method, AllowMultiple = true)]");
            writer.Open("file sealed class InterceptsLocationAttribute : global::System.Attribute");
            writer.Open("public InterceptsLocationAttribute(int version, string data)");
            writer.Line("_ = version;");
            writer.Line("_ = data;");
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Line();
            writer.Open("namespace CqBot.Generated");
            writer.Line("/// <summary>Adds this assembly's plugin to every builder <c>BotApplication.CreateBuilder</c> makes here.</summary>");
            writer.Line(GeneratedCode);
            writer.Open("file static class CqBotApplicationEntry");
            foreach (var call in calls)
            {
                writer.Line("// " + call.DisplayLocation);
                writer.Line("[global::System.Runtime.CompilerServices.InterceptsLocation(" + call.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + Literal(call.Data) + ")]");
            }
            writer.Open("public static global::CqBot.Hosting.BotApplicationBuilder CreateBuilder(string[] args)");
            writer.Line("var builder = global::CqBot.Hosting.BotApplication.CreateBuilder(args);");
            writer.Line("builder.AddPlugin(new " + plugin + "());");
            writer.Line("return builder;");
            writer.Close();
            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
