using System.Collections.Generic;
using System.Globalization;
using CqBot.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Generators;

public sealed partial class CommandGenerator
{
    internal static class Emitter
    {
        private static readonly string GeneratedCode = GeneratedSource.GeneratedCode;
        private const string ValueTaskOfMessage = "global::System.Threading.Tasks.ValueTask<global::CqBot.Message?>";

        public static void Emit(SourceProductionContext production, EquatableArray<CommandModel> commands)
        {
            if (commands.Count == 0)
            {
                return;
            }
            var sorted = new List<CommandModel>(commands);
            sorted.Sort(static (a, b) =>
            {
                var byType = string.CompareOrdinal(a.ContainingType.FullyQualifiedName, b.ContainingType.FullyQualifiedName);
                if (byType != 0)
                {
                    return byType;
                }
                var byMethod = string.CompareOrdinal(a.MethodName, b.MethodName);
                return byMethod != 0 ? byMethod : string.CompareOrdinal(a.Name, b.Name);
            });

            var members = new Dictionary<CommandModel, string>();
            GeneratedSource.ForEachType(sorted, static command => command.ContainingType, (type, start, end) =>
                production.AddSource(GeneratedSource.HintName(type, "Commands"), EmitType(type, sorted, start, end, members)));
            production.AddSource("CqBot.GeneratedCommands.g.cs", EmitRegistration(sorted, members));
        }

        private static string EmitType(ContainingTypeModel type, List<CommandModel> sorted, int start, int end, Dictionary<CommandModel, string> members)
        {
            var writer = GeneratedSource.Header();
            GeneratedSource.OpenType(writer, type);
            for (var i = start; i < end; i++)
            {
                var command = sorted[i];
                var suffix = (i - start).ToString(CultureInfo.InvariantCulture) + "_" + command.MethodName;
                members[command] = type.FullyQualifiedName + ".__CqBot" + "{0}" + suffix;
                if (i > start)
                {
                    writer.Line();
                }
                EmitSignature(writer, command, "__CqBotSignature" + suffix);
                writer.Line();
                EmitHandler(writer, command, "__CqBotCommand" + suffix, "__CqBotSignature" + suffix);
            }
            GeneratedSource.CloseType(writer, type);
            return writer.ToString();
        }

        private static void EmitSignature(IndentedWriter writer, CommandModel command, string name)
        {
            writer.Line("/// <summary>The arguments and options of <c>" + Escape(command.Name) + "</c>.</summary>");
            writer.Line(GeneratedCode);
            writer.Line("internal static readonly global::CqBot.Infrastructure.CommandSignature " + name + " = new(");
            writer.Indent();
            if (command.Arguments.Count == 0)
            {
                writer.Line("global::System.Array.Empty<global::CqBot.Infrastructure.ArgumentDeclaration>(),");
            }
            else
            {
                writer.Line("new global::CqBot.Infrastructure.ArgumentDeclaration[]");
                writer.Line("{");
                writer.Indent();
                foreach (var argument in command.Arguments)
                {
                    writer.Line("new(" + Literal(argument.Name) + ", global::CqBot.Infrastructure.CommandValueKind." + argument.Kind + ", "
                        + Bool(argument.Required) + ", " + Bool(argument.Variadic) + (argument.Validator is null ? "" : ", " + argument.Validator) + ")"
                        + (argument.Choices.Count == 0 ? "" : " { Choices = " + StringArray(argument.Choices) + " }") + ",");
                }
                writer.Outdent();
                writer.Line("},");
            }
            if (command.Options.Count == 0)
            {
                writer.Line("global::System.Array.Empty<global::CqBot.Infrastructure.OptionDeclaration>(),");
            }
            else
            {
                writer.Line("new global::CqBot.Infrastructure.OptionDeclaration[]");
                writer.Line("{");
                writer.Indent();
                foreach (var option in command.Options)
                {
                    var aliases = new List<string>();
                    foreach (var alias in option.Aliases)
                    {
                        aliases.Add(Literal(alias));
                    }
                    var initializers = new List<string>();
                    if (option.FixedValue is not null)
                    {
                        initializers.Add("FixedValue = " + option.FixedValue);
                    }
                    if (option.Validator is not null)
                    {
                        initializers.Add("Validator = " + option.Validator);
                    }
                    if (option.Choices.Count > 0)
                    {
                        initializers.Add("Choices = " + StringArray(option.Choices));
                    }
                    if (option.Description is not null)
                    {
                        initializers.Add("Description = " + Literal(option.Description));
                    }
                    if (option.Hidden)
                    {
                        initializers.Add("Hidden = true");
                    }
                    writer.Line("new(" + Literal(option.Name) + ", "
                        + (aliases.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", aliases) + " }") + ", "
                        + "global::CqBot.Infrastructure.CommandValueKind." + option.Kind + ", " + Bool(option.TakesValue) + ", " + Bool(option.ValueRequired) + ", "
                        + (option.ValueName is null ? "null" : Literal(option.ValueName)) + ")"
                        + (initializers.Count == 0 ? "" : " { " + string.Join(", ", initializers) + " }") + ",");
                }
                writer.Outdent();
                writer.Line("},");
            }
            writer.Line("strictOptions: " + Bool(command.StrictOptions) + ");");
            writer.Outdent();
        }

        private static void EmitHandler(IndentedWriter writer, CommandModel command, string handlerName, string signatureName)
        {
            // Handlers are async so the before-command listeners can be awaited; with none, the awaited step
            // completes at once and the handler completes synchronously without allocating.
            writer.Line("/// <summary>Parses a command line for <c>" + Escape(command.Name) + "</c> and calls <see cref=\"" + command.MethodName + "\"/>.</summary>");
            writer.Line(GeneratedCode);
            writer.Open("internal static async " + ValueTaskOfMessage + " " + handlerName + "(global::CqBot.CommandContext context)");
            writer.Line("using var parsed = global::CqBot.Infrastructure.CommandParser.Parse(context);");
            writer.Open("if (parsed.Error is { } error)");
            writer.Line("return global::CqBot.Infrastructure.CommandReply.FromError(context, error);");
            writer.Close();

            var needsInstance = !command.IsStatic;
            foreach (var check in command.Checks)
            {
                needsInstance |= !check.IsStatic;
            }
            if (needsInstance)
            {
                var services = new List<string>();
                foreach (var service in command.ConstructorServices)
                {
                    services.Add("context.GetRequiredService<" + service + ">()");
                }
                writer.Line("var instance = new " + command.ContainingType.FullyQualifiedName + "(" + string.Join(", ", services) + ");");
            }
            var checkIndex = 0;
            foreach (var check in command.Checks)
            {
                var arguments = new List<string>();
                foreach (var parameter in check.Parameters)
                {
                    arguments.Add(Injected(parameter));
                }
                var call = (check.IsStatic ? command.ContainingType.FullyQualifiedName : "instance") + "." + check.MethodName + "(" + string.Join(", ", arguments) + ")";
                if (check.IsAsync)
                {
                    call = "await " + call + ".ConfigureAwait(false)";
                }
                var verdict = "check" + checkIndex.ToString(CultureInfo.InvariantCulture);
                writer.Line("var " + verdict + " = " + check.Result switch
                {
                    CheckResultKind.Text => "global::CqBot.Infrastructure.CommandReply.FromText(" + call + ")",
                    CheckResultKind.Boolean => "global::CqBot.Infrastructure.CommandReply.FromCheck(" + call + ")",
                    _ => call,
                } + ";");
                writer.Open("if (" + verdict + " is not null)");
                writer.Line("return " + verdict + ";");
                writer.Close();
                checkIndex++;
            }
            writer.Open("if (parsed.HelpRequested)");
            writer.Line("return context.Help();");
            writer.Close();

            var callArguments = new List<string>();
            foreach (var parameter in command.Parameters)
            {
                var local = "p_" + parameter.Name;
                callArguments.Add(local);
                switch (parameter.Source)
                {
                    case ParameterSource.Event:
                        writer.Open("if (context.Session.Event is not " + parameter.TypeName + " " + local + ")");
                        writer.Line("return " + WrongEventReply(parameter.TypeName) + ";");
                        writer.Close();
                        break;
                    case ParameterSource.Argument:
                        EmitArgument(writer, command.Arguments[parameter.Index], parameter, local);
                        break;
                    case ParameterSource.Option:
                        EmitOption(writer, parameter, local);
                        break;
                    default:
                        writer.Line("var " + local + " = " + Injected(parameter) + ";");
                        break;
                }
            }

            writer.Open("if (await global::CqBot.Infrastructure.CommandFlow.BeforeCommandAsync(context, parsed).ConfigureAwait(false) is { } stop)");
            writer.Line("return stop;");
            writer.Close();

            var target = command.IsStatic ? command.ContainingType.FullyQualifiedName : "instance";
            var invocation = target + "." + command.MethodName + "(" + string.Join(", ", callArguments) + ")";
            switch (command.ReturnKind)
            {
                case ReturnKind.Void:
                    writer.Line(invocation + ";");
                    writer.Line("return (global::CqBot.Message?)null;");
                    break;
                case ReturnKind.Text:
                    writer.Line("return global::CqBot.Infrastructure.CommandReply.FromText(" + invocation + ");");
                    break;
                case ReturnKind.Message:
                    writer.Line("return " + invocation + ";");
                    break;
                case ReturnKind.Operation:
                    writer.Line("return global::CqBot.Infrastructure.CommandReply.FromOperation(context, " + invocation + ");");
                    break;
                case ReturnKind.TaskOfOperation:
                case ReturnKind.ValueTaskOfOperation:
                    writer.Line("return await global::CqBot.Infrastructure.CommandReply.AwaitOperation(context, " + invocation + ").ConfigureAwait(false);");
                    break;
                case ReturnKind.Task:
                case ReturnKind.ValueTask:
                    writer.Line("return await global::CqBot.Infrastructure.CommandReply.AwaitNothing(" + invocation + ").ConfigureAwait(false);");
                    break;
                case ReturnKind.TaskOfText:
                case ReturnKind.ValueTaskOfText:
                    writer.Line("return await global::CqBot.Infrastructure.CommandReply.AwaitText(" + invocation + ").ConfigureAwait(false);");
                    break;
                case ReturnKind.TaskOfMessage:
                case ReturnKind.ValueTaskOfMessage:
                    writer.Line("return await global::CqBot.Infrastructure.CommandReply.AwaitMessage(" + invocation + ").ConfigureAwait(false);");
                    break;
            }
            writer.Close();
        }

        // Commands run for messages, so a group or private message parameter is the one that can miss:
        // say which chat the command needs. No other event reaches a command.
        private static string WrongEventReply(string eventType) => eventType switch
        {
            "global::CqBot.GroupMessageEvent" => "global::CqBot.Infrastructure.CommandReply.FromText(context.Texts.GroupChatOnly)",
            "global::CqBot.PrivateMessageEvent" => "global::CqBot.Infrastructure.CommandReply.FromText(context.Texts.PrivateChatOnly)",
            _ => "(global::CqBot.Message?)null",
        };

        private static string Injected(ParameterModel parameter) => parameter.Source switch
        {
            ParameterSource.Session => "context.Session",
            ParameterSource.Context => "context",
            ParameterSource.Bot => "context.Session.Bot",
            ParameterSource.CancellationToken => "context.CancellationToken",
            ParameterSource.Event => "(" + parameter.TypeName + ")context.Session.Event",
            _ => "context.GetRequiredService<" + parameter.TypeName + ">()",
        };

        private static void EmitArgument(IndentedWriter writer, ArgumentModel argument, ParameterModel parameter, string local)
        {
            var index = parameter.Index.ToString(CultureInfo.InvariantCulture);
            var value = "v_" + parameter.Name;
            var error = "InvalidArgument";
            if (argument.Variadic)
            {
                var counter = "i_" + parameter.Name;
                writer.Line("var " + local + " = new " + parameter.ElementTypeName + "[global::System.Math.Max(0, parsed.ArgumentCount - " + index + ")];");
                writer.Open("for (var " + counter + " = 0; " + counter + " < " + local + ".Length; " + counter + "++)");
                writer.Line("var " + value + " = parsed.GetArgument(" + index + " + " + counter + ");");
                EmitRangeCheck(writer, parameter, value, error);
                writer.Line(local + "[" + counter + "] = " + Convert(parameter, value) + ";");
                writer.Close();
                return;
            }
            writer.Line(parameter.TypeName + " " + local + " = " + (argument.Required ? "default!" : parameter.DefaultValueLiteral ?? "default") + ";");
            writer.Open("if (parsed.ArgumentCount > " + index + ")");
            writer.Line("var " + value + " = parsed.GetArgument(" + index + ");");
            EmitRangeCheck(writer, parameter, value, error);
            writer.Line(local + " = " + Convert(parameter, value) + ";");
            writer.Close();
        }

        private static void EmitOption(IndentedWriter writer, ParameterModel parameter, string local)
        {
            var slot = parameter.Index.ToString(CultureInfo.InvariantCulture);
            var value = "v_" + parameter.Name;
            writer.Line(parameter.TypeName + " " + local + " = " + (parameter.DefaultValueLiteral ?? "default") + ";");
            // A [value] option given alone carries an empty value: the parameter keeps its default.
            var condition = parameter.Domain is "String" or "Text" or "Boolean"
                ? "parsed.GetOption(" + slot + ") is { IsSet: true } " + value
                : "parsed.GetOption(" + slot + ") is { HasText: true } " + value;
            writer.Open("if (" + condition + ")");
            EmitRangeCheck(writer, parameter, value, "InvalidOption");
            writer.Line(local + " = " + Convert(parameter, value) + ";");
            writer.Close();
        }

        private static void EmitRangeCheck(IndentedWriter writer, ParameterModel parameter, string value, string errorKind)
        {
            if (parameter.Conversion != ValueConversion.Int32)
            {
                return;
            }
            writer.Open("if (" + value + ".Integer is < int.MinValue or > int.MaxValue)");
            writer.Line("return global::CqBot.Infrastructure.CommandReply.FromError(context, new global::CqBot.Infrastructure.CommandParseError(global::CqBot.Infrastructure.CommandParseErrorKind." + errorKind + ", "
                + Literal(parameter.Name) + ", global::CqBot.Infrastructure.CommandValueKind." + parameter.Domain + "));");
            writer.Close();
        }

        private static string Convert(ParameterModel parameter, string value)
        {
            var type = parameter.ElementTypeName ?? parameter.TypeName;
            return parameter.Conversion switch
            {
                ValueConversion.String => value + ".Text",
                ValueConversion.Int32 => "(int)" + value + ".Integer",
                ValueConversion.Int64 => value + ".Integer",
                ValueConversion.Double => value + ".Number",
                ValueConversion.Single => "(float)" + value + ".Number",
                ValueConversion.Decimal => "(decimal)" + value + ".Number",
                ValueConversion.Boolean => value + ".Boolean",
                ValueConversion.DateTimeOffset => value + ".Date",
                ValueConversion.DateTime => value + ".Date.UtcDateTime",
                ValueConversion.Segment => "global::CqBot.Infrastructure.CommandValueParsers.ToSegment(" + value + ".Text)",
                ValueConversion.Enum => "global::System.Enum.Parse<" + type + ">(" + value + ".Text, true)",
                ValueConversion.Parsable => type + ".Parse(" + value + ".Text, global::System.Globalization.CultureInfo.InvariantCulture)",
                // The validator accepted the text, so TryParse succeeds, whether or not its out parameter says so.
                ValueConversion.TryParsable => "(" + type + ".TryParse(" + value + ".Text, out var t_" + parameter.Name + ") ? t_" + parameter.Name + "! : default!)",
                _ => "default!",
            };
        }

        private static string EmitRegistration(List<CommandModel> sorted, Dictionary<CommandModel, string> members)
        {
            var writer = GeneratedSource.Header();
            writer.Open("namespace CqBot.Generated");
            writer.Open("partial class CqBotDeclarations");
            writer.Line("/// <summary>Adds this assembly's commands to <paramref name=\"plugin\"/>.</summary>");
            writer.Line(GeneratedCode);
            writer.Open("static partial void AddCommands(global::CqBot.PluginBuilder plugin)");
            foreach (var command in sorted)
            {
                var member = members[command];
                writer.Line("plugin.AddCommand(new global::CqBot.CommandDefinition(" + Literal(command.Name) + ", "
                    + string.Format(CultureInfo.InvariantCulture, member, "Signature") + ", "
                    + string.Format(CultureInfo.InvariantCulture, member, "Command") + ")");
                writer.Line("{");
                writer.Indent();
                if (command.Parent is not null)
                {
                    writer.Line("Parent = " + Literal(command.Parent) + ",");
                }
                if (command.Path != command.Name)
                {
                    writer.Line("Path = " + Literal(command.Path) + ",");
                }
                if (command.Aliases.Count > 0)
                {
                    writer.Line("Aliases = " + StringArray(command.Aliases) + ",");
                }
                writer.Line("Usage = " + Literal(command.Usage) + ",");
                if (command.Description is not null)
                {
                    writer.Line("Description = " + Literal(command.Description) + ",");
                }
                if (command.UsageText is not null)
                {
                    writer.Line("UsageText = " + Literal(command.UsageText) + ",");
                }
                if (command.Examples.Count > 0)
                {
                    writer.Line("Examples = " + StringArray(command.Examples) + ",");
                }
                if (command.Hidden)
                {
                    writer.Line("Hidden = true,");
                }
                if (command.Authority != 1)
                {
                    writer.Line("Authority = " + command.Authority.ToString(CultureInfo.InvariantCulture) + ",");
                }
                if (command.MaxUsage != 0)
                {
                    writer.Line("MaxUsage = " + command.MaxUsage.ToString(CultureInfo.InvariantCulture) + ",");
                }
                if (command.MinIntervalTicks != 0)
                {
                    writer.Line("MinInterval = global::System.TimeSpan.FromTicks(" + command.MinIntervalTicks.ToString(CultureInfo.InvariantCulture) + "L),");
                }
                if (command.Shortcuts.Count > 0)
                {
                    var shortcuts = new List<string>();
                    foreach (var shortcut in command.Shortcuts)
                    {
                        shortcuts.Add("new(" + Literal(shortcut.Pattern) + ", " + Literal(shortcut.Preset) + ", " + Bool(shortcut.Fuzzy) + ", " + Bool(shortcut.RequireAddress) + ")");
                    }
                    writer.Line("Shortcuts = new global::CqBot.Infrastructure.CommandShortcut[] { " + string.Join(", ", shortcuts) + " },");
                }
                writer.Outdent();
                writer.Line("});");
            }
            writer.Close();
            writer.Close();
            writer.Close();
            return writer.ToString();
        }

        private static string StringArray(EquatableArray<string> values)
        {
            var items = new List<string>();
            foreach (var value in values)
            {
                items.Add(Literal(value));
            }
            return "new string[] { " + string.Join(", ", items) + " }";
        }

        private static string Bool(bool value) => value ? "true" : "false";

        private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        private static string Escape(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
