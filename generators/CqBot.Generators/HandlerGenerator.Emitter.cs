using System.Collections.Generic;
using System.Globalization;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Generators;

public sealed partial class HandlerGenerator
{
    internal static class Emitter
    {
        private static readonly string GeneratedCode = GeneratedSource.GeneratedCode;
        private const string ValueTaskOfOperation = "global::System.Threading.Tasks.ValueTask<global::CqBot.QuickOperation?>";
        private const string ValueTaskOfMessage = "global::System.Threading.Tasks.ValueTask<global::CqBot.Message?>";

        public static void Emit(SourceProductionContext production, EquatableArray<HandlerModel> handlers)
        {
            if (handlers.Count == 0)
            {
                return;
            }
            var sorted = new List<HandlerModel>(handlers);
            sorted.Sort(static (a, b) =>
            {
                var byType = string.CompareOrdinal(a.ContainingType.FullyQualifiedName, b.ContainingType.FullyQualifiedName);
                if (byType != 0)
                {
                    return byType;
                }
                var byMethod = string.CompareOrdinal(a.MethodName, b.MethodName);
                return byMethod != 0 ? byMethod : a.Order.CompareTo(b.Order);
            });
            var members = new Dictionary<HandlerModel, string>();
            GeneratedSource.ForEachType(sorted, static handler => handler.ContainingType, (type, start, end) =>
                production.AddSource(GeneratedSource.HintName(type, "Handlers"), EmitType(type, sorted, start, end, members)));
            production.AddSource("CqBot.GeneratedHandlers.g.cs", EmitRegistration(sorted, members));
        }

        private static string EmitType(ContainingTypeModel type, List<HandlerModel> sorted, int start, int end, Dictionary<HandlerModel, string> members)
        {
            var writer = GeneratedSource.Header();
            GeneratedSource.OpenType(writer, type);
            for (var i = start; i < end; i++)
            {
                var handler = sorted[i];
                var name = (handler.Kind == HandlerKind.Middleware ? "__CqBotMiddleware" : "__CqBotHandler") + (i - start).ToString(CultureInfo.InvariantCulture) + "_" + handler.MethodName;
                members[handler] = type.FullyQualifiedName + "." + name;
                if (i > start)
                {
                    writer.Line();
                }
                if (handler.Kind == HandlerKind.Middleware)
                {
                    EmitMiddleware(writer, handler, name);
                }
                else
                {
                    EmitHandler(writer, handler, name);
                }
            }
            GeneratedSource.CloseType(writer, type);
            return writer.ToString();
        }

        private static string Instance(HandlerModel handler)
        {
            var services = new List<string>();
            foreach (var service in handler.ConstructorServices)
            {
                services.Add("session.GetRequiredService<" + service + ">()");
            }
            return "new " + handler.ContainingType.FullyQualifiedName + "(" + string.Join(", ", services) + ")";
        }

        private static void EmitMiddleware(IndentedWriter writer, HandlerModel handler, string name)
        {
            writer.Line("/// <summary>Runs <see cref=\"" + handler.MethodName + "\"/> as a step of the message chain.</summary>");
            writer.Line(GeneratedCode);
            var target = handler.IsStatic ? handler.ContainingType.FullyQualifiedName : Instance(handler);
            var call = target + "." + handler.MethodName + "(session, next)";
            writer.Line("internal static " + ValueTaskOfMessage + " " + name + "(global::CqBot.Session session, global::CqBot.Next next) => "
                + (handler.Return == ReturnKind.ValueTaskOfMessage ? call : "new(" + call + ")") + ";");
        }

        private static void EmitHandler(IndentedWriter writer, HandlerModel handler, string name)
        {
            writer.Line("/// <summary>Runs <see cref=\"" + handler.MethodName + "\"/> for <c>" + handler.EventName + "</c> events.</summary>");
            writer.Line(GeneratedCode);
            writer.Open("internal static " + ValueTaskOfOperation + " " + name + "(global::CqBot.Session session)");
            if (handler.EventTypeName is not null)
            {
                writer.Open("if (session.Event is not " + handler.EventTypeName + " typedEvent)");
                writer.Line("return new((global::CqBot.QuickOperation?)null);");
                writer.Close();
            }
            var arguments = new List<string>();
            foreach (var parameter in handler.Parameters)
            {
                arguments.Add(parameter.Source switch
                {
                    ParameterSource.Session => "session",
                    ParameterSource.Bot => "session.Bot",
                    ParameterSource.CancellationToken => "session.CancellationToken",
                    ParameterSource.Event => parameter.TypeName == handler.EventTypeName ? "typedEvent" : "session.Event",
                    _ => "session.GetRequiredService<" + parameter.TypeName + ">()",
                });
            }
            var target = handler.IsStatic ? handler.ContainingType.FullyQualifiedName : Instance(handler);
            var call = target + "." + handler.MethodName + "(" + string.Join(", ", arguments) + ")";
            switch (handler.Return)
            {
                case ReturnKind.Void:
                    writer.Line(call + ";");
                    writer.Line("return new((global::CqBot.QuickOperation?)null);");
                    break;
                case ReturnKind.Text:
                    writer.Line("return new(global::CqBot.Infrastructure.HandlerReply.FromText(" + call + "));");
                    break;
                case ReturnKind.Message:
                    writer.Line("return new(global::CqBot.Infrastructure.HandlerReply.FromMessage(" + call + "));");
                    break;
                case ReturnKind.Operation:
                    writer.Line("return new(" + call + ");");
                    break;
                case ReturnKind.Task:
                case ReturnKind.ValueTask:
                    writer.Line("return global::CqBot.Infrastructure.HandlerReply.AwaitNothing(" + call + ");");
                    break;
                case ReturnKind.TaskOfText:
                case ReturnKind.ValueTaskOfText:
                    writer.Line("return global::CqBot.Infrastructure.HandlerReply.AwaitText(" + call + ");");
                    break;
                case ReturnKind.TaskOfMessage:
                case ReturnKind.ValueTaskOfMessage:
                    writer.Line("return global::CqBot.Infrastructure.HandlerReply.AwaitMessage(" + call + ");");
                    break;
                default:
                    writer.Line("return global::CqBot.Infrastructure.HandlerReply.AwaitOperation(" + call + ");");
                    break;
            }
            writer.Close();
        }

        private static string EmitRegistration(List<HandlerModel> sorted, Dictionary<HandlerModel, string> members)
        {
            var writer = GeneratedSource.Header();
            writer.Open("namespace CqBot.Generated");
            writer.Open("partial class CqBotDeclarations");
            writer.Line("/// <summary>Adds this assembly's event handlers and middleware to <paramref name=\"plugin\"/>, in the order of their priority.</summary>");
            writer.Line(GeneratedCode);
            writer.Open("static partial void AddHandlers(global::CqBot.PluginBuilder plugin)");
            foreach (var handler in sorted)
            {
                if (handler.Kind == HandlerKind.Middleware)
                {
                    writer.Line("plugin.Use(" + members[handler] + ", prepend: " + (handler.Prepend ? "true" : "false") + ");");
                }
                else
                {
                    writer.Line("plugin.On(" + SymbolDisplay.FormatLiteral(handler.EventName, true) + ", " + members[handler] + ", priority: "
                        + handler.Priority.ToString(CultureInfo.InvariantCulture) + ", block: " + (handler.Block ? "true" : "false") + ");");
                }
            }
            writer.Close();
            writer.Close();
            writer.Close();
            return writer.ToString();
        }
    }
}
