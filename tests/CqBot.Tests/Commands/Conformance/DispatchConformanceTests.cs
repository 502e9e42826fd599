using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CqBot.Infrastructure;
using CqBot.Tests.Support;

namespace CqBot.Tests.Commands.Conformance;

/// <summary>
/// The dispatch cases of commands.json: prefixes, nicknames, @-mentions, aliases with presets,
/// subcommands, shortcuts and <c>$(…)</c> interpolation, step by step through the whole pipeline.
/// </summary>
public sealed partial class DispatchConformanceTests
{
    public static IEnumerable<object[]> Cases => KoishiCase.Ids("dispatch");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Dispatch_KoishiCase_EveryStepMatches(string id)
    {
        var @case = KoishiCase.Get(id);
        var app = @case.Json.GetProperty("app");
        var invocations = new List<JsonObject>();
        var registry = new CommandRegistry();
        foreach (var command in @case.Json.GetProperty("commands").EnumerateArray())
        {
            registry.Add(Define(command, invocations));
        }
        var harness = new DispatchHarness(registry: registry, selfId: long.Parse(app.GetProperty("bot_self_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        harness.Dispatcher.DispatchSettings = new CommandDispatchSettings
        {
            Prefixes = app.GetProperty("prefix").EnumerateArray().Select(p => p.GetString()!).ToArray(),
            Nicknames = app.GetProperty("nickname").EnumerateArray().Select(p => p.GetString()!).ToArray(),
        };

        var stepNumber = 0;
        foreach (var step in @case.Json.GetProperty("steps").EnumerateArray())
        {
            invocations.Clear();
            var input = ToCqCode(step.GetProperty("input").GetString()!);
            var reply = step.GetProperty("context").GetString() == "group"
                ? await harness.SendGroupAsync(input)
                : await harness.SendPrivateAsync(input);
            var expect = step.GetProperty("expect");
            if (expect.TryGetProperty("invoked", out var invoked))
            {
                if (invoked.ValueKind == JsonValueKind.Null)
                {
                    Assert.True(invocations.Count == 0, $"{id} step {stepNumber} '{input}': expected no command, got {invocations.FirstOrDefault()?.ToJsonString()}");
                }
                else
                {
                    var actual = Assert.Single(invocations);
                    Assert.True(JsonNode.DeepEquals(JsonNode.Parse(invoked.GetRawText()), actual), $"{id} step {stepNumber} '{input}': expected {invoked.GetRawText()}, got {actual.ToJsonString()}");
                }
            }
            var expectedReply = expect.GetProperty("reply");
            var expectedText = Deviations.DispatchReplies.TryGetValue($"{id}#{stepNumber}", out var deviation)
                ? deviation.Expected
                : expectedReply.ValueKind == JsonValueKind.Null ? null : expectedReply.GetString();
            Assert.Equal(expectedText, reply);
            stepNumber++;
        }
    }

    // Satori's <at id="…"/> is OneBot's [CQ:at,qq=…].
    private static string ToCqCode(string input) => AtElement().Replace(input, m => $"[CQ:at,qq={m.Groups[1].Value}]");

    [GeneratedRegex("<at id=\"([^\"]+)\"/>")]
    private static partial Regex AtElement();

    private static CommandDefinition Define(JsonElement command, List<JsonObject> invocations)
    {
        var declaration = Generators.Declarations.CommandDeclaration.TryParse(command.GetProperty("declaration").GetString()!, out _)!;
        var signature = SignatureFromCase.Build(command);
        var behavior = command.GetProperty("behavior").GetString()!;
        CommandHandler handler = context =>
        {
            using var parsed = CommandParser.Parse(context);
            if (parsed.Error is { } error)
            {
                return new ValueTask<Message?>(CommandReply.FromError(context, error));
            }
            if (behavior.StartsWith("no action", StringComparison.Ordinal))
            {
                return new ValueTask<Message?>(context.Help());
            }
            var args = new JsonArray();
            foreach (var argument in parsed.Arguments)
            {
                args.Add(argument.Text);
            }
            var options = new JsonObject();
            for (var slot = 0; slot < signature.OptionNames.Count; slot++)
            {
                if (parsed.Options[slot] is { IsSet: true } value)
                {
                    options[signature.OptionNames[slot]] = value.Kind == CommandValueKind.Boolean ? value.Boolean : value.Text;
                }
            }
            foreach (var (name, value) in parsed.UnknownOptions ?? [])
            {
                options[name] = value;
            }
            invocations.Add(new JsonObject { ["command"] = context.Command.Name, ["args"] = args, ["options"] = options });
            return behavior.StartsWith("replies with its first argument", StringComparison.Ordinal)
                ? new ValueTask<Message?>(parsed.ArgumentCount > 0 ? parsed.GetArgument(0).Text : "")
                : default;
        };
        var aliases = new List<string>();
        if (command.TryGetProperty("aliases", out var declaredAliases))
        {
            foreach (var alias in declaredAliases.EnumerateArray())
            {
                aliases.Add(alias.ValueKind == JsonValueKind.String
                    ? alias.GetString()!
                    : alias.GetProperty("name").GetString() + " " + string.Join(' ', alias.GetProperty("args").EnumerateArray().Select(a => a.GetString())));
            }
        }
        var shortcuts = new List<CommandShortcut>();
        if (command.TryGetProperty("shortcuts", out var declaredShortcuts))
        {
            foreach (var shortcut in declaredShortcuts.EnumerateArray())
            {
                var preset = new List<string>();
                if (shortcut.TryGetProperty("args", out var presetArgs))
                {
                    preset.AddRange(presetArgs.EnumerateArray().Select(a => a.GetString()!));
                }
                if (shortcut.TryGetProperty("options", out var presetOptions))
                {
                    preset.AddRange(presetOptions.EnumerateObject().Select(o => "--" + o.Name + " " + o.Value.GetString()));
                }
                shortcuts.Add(new CommandShortcut(
                    shortcut.GetProperty("pattern").GetString()!,
                    string.Join(' ', preset),
                    shortcut.TryGetProperty("fuzzy", out var fuzzy) && fuzzy.GetBoolean(),
                    shortcut.TryGetProperty("prefix", out var prefix) && prefix.GetBoolean()));
            }
        }
        return new CommandDefinition(declaration.Name, signature, handler)
        {
            Parent = declaration.Parent,
            Usage = declaration.Usage,
            Aliases = aliases,
            Shortcuts = shortcuts,
        };
    }
}
