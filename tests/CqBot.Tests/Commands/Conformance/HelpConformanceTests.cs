using System.Text.Json;
using CqBot.Generators.Declarations;
using CqBot.Infrastructure;
using CqBot.Tests.Support;

namespace CqBot.Tests.Commands.Conformance;

/// <summary>The help cases of commands.json: Koishi's exact help layout, zh-CN and en-US.</summary>
public sealed class HelpConformanceTests
{
    public static IEnumerable<object[]> Cases => KoishiCase.Ids("help");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Help_KoishiCase_ReplyIsExact(string id)
    {
        var @case = KoishiCase.Get(id);
        var harness = new DispatchHarness(registry: BuildRegistry(@case.Json.GetProperty("commands")));
        var app = @case.Json.GetProperty("app");
        harness.Dispatcher.DispatchSettings = new CommandDispatchSettings
        {
            Prefixes = app.GetProperty("prefix").EnumerateArray().Select(p => p.GetString()!).ToArray(),
        };
        harness.Dispatcher.Texts = app.GetProperty("locale").GetString() == "en-US" ? CommandTexts.English : CommandTexts.ChineseSimplified;

        var reply = await harness.SendPrivateAsync(@case.Json.GetProperty("input").GetString()!);

        Assert.Equal(@case.Json.GetProperty("expect").GetProperty("reply").GetString(), reply);
    }

    internal static CommandRegistry BuildRegistry(JsonElement commands)
    {
        var registry = new CommandRegistry();
        foreach (var command in commands.EnumerateArray())
        {
            var declarationText = command.GetProperty("declaration").GetString()!;
            var signature = SignatureFromCase.Build(command);
            string name;
            string? parent;
            if (command.TryGetProperty("subcommandOf", out var of))
            {
                var child = CommandDeclaration.TryParse(declarationText.TrimStart('.'), out _)!;
                // `.x` derives `of.x`; a plain name nests under `of`.
                name = declarationText.StartsWith('.') ? of.GetString() + "." + child.Name : child.Name;
                parent = of.GetString();
            }
            else
            {
                var declaration = CommandDeclaration.TryParse(declarationText, out _)!;
                name = declaration.Name;
                parent = declaration.Parent;
            }
            var usage = CommandDeclaration.TryParse(declarationText.TrimStart('.'), out _)!.Usage;
            var noAction = command.TryGetProperty("noAction", out var n) && n.GetBoolean();
            CommandHandler handler = noAction
                ? context => new ValueTask<Message?>(context.Help())
                : context => CommandParser.Parse(context) is { HelpRequested: true } ? new ValueTask<Message?>(context.Help()) : default;
            registry.Add(new CommandDefinition(name, signature, handler)
            {
                Parent = parent,
                Usage = usage,
                Description = command.TryGetProperty("description", out var d) ? d.GetString() : null,
                Aliases = command.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray() : [],
                UsageText = command.TryGetProperty("usage", out var u) ? u.GetString() : null,
                Examples = command.TryGetProperty("examples", out var e) ? e.EnumerateArray().Select(x => x.GetString()!).ToArray() : [],
                Hidden = command.TryGetProperty("config", out var c) && c.TryGetProperty("hidden", out var h) && h.GetBoolean(),
            });
        }
        return registry;
    }
}
