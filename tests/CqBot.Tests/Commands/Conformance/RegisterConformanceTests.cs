using System.Text.Json;
using CqBot.Commands;
using CqBot.Infrastructure;

namespace CqBot.Tests.Commands.Conformance;

/// <summary>
/// The register cases of commands.json: command paths (<c>a.b</c>, <c>a/b</c>, <c>a.b/f</c>), the parents
/// they imply, name normalisation, and the declaration errors. Each step is what Koishi's
/// <c>ctx.command</c> / <c>cmd.subcommand</c> would register; re-declaring an existing command with the same
/// parent is Koishi's merge (in CqBot two [Command] declarations of one name are a compile-time
/// error, CQB2011, tested with the generator).
/// </summary>
public sealed class RegisterConformanceTests
{
    public static IEnumerable<object[]> Cases => KoishiCase.Ids("register");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Register_KoishiCase_MatchesExpectation(string id)
    {
        var @case = KoishiCase.Get(id);
        var expect = @case.Json.GetProperty("expect");
        if (!@case.Json.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            Assert.Equal("duplicate-option", expect.GetProperty("error").GetString());
            var error = Assert.Throws<ArgumentException>(() => SignatureFromCase.Build(@case));
            Assert.Contains("declared twice", error.Message);
            return;
        }

        var registry = new CommandRegistry();
        var step = 0;
        try
        {
            foreach (var item in steps.EnumerateArray())
            {
                Register(registry, item);
                step++;
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            Assert.True(expect.TryGetProperty("error", out _), $"{id}: step {step} failed unexpectedly: {exception.Message}");
            Assert.Equal(expect.GetProperty("failing_step").GetInt32(), step);
            Assert.Equal(expect.GetProperty("message").GetString(), exception.Message);
            return;
        }
        Assert.False(expect.TryGetProperty("error", out _), $"{id}: expected an error, none was raised");
        foreach (var command in expect.GetProperty("commands").EnumerateObject())
        {
            Assert.True(registry.TryGet(command.Name, out var definition), $"{id}: '{command.Name}' is missing");
            Assert.Equal(command.Value.GetProperty("parent").GetString(), definition.Parent);
            string? grandparent = null;
            if (definition.Parent is { } parent && registry.TryGet(parent, out var parentDefinition))
            {
                grandparent = parentDefinition.Parent;
            }
            Assert.Equal(command.Value.GetProperty("grandparent").GetString(), grandparent);
        }
    }

    private static void Register(CommandRegistry registry, JsonElement step)
    {
        string path;
        if (step.TryGetProperty("subcommand", out var subcommand))
        {
            var of = step.GetProperty("of").GetString()!;
            var text = subcommand.GetString()!;
            path = text.StartsWith('.') ? of + text : of + "/" + text;
        }
        else
        {
            path = step.GetProperty("command").GetString()!;
        }
        if (path.Length == 0)
        {
            throw new ArgumentException("expect a command name");
        }
        path = path.ToLowerInvariant().Replace('_', '-');
        var (name, parent) = CommandPath.Parse(path)[^1];
        if (registry.TryGet(name, out var existing) && (parent is null || existing.Parent == parent))
        {
            return;
        }
        registry.Add(new CommandDefinition(name, new CommandSignature([], []), _ => default)
        {
            Parent = parent,
            Path = path,
            Aliases = step.TryGetProperty("alias", out var alias) ? [alias.GetString()!] : [],
        });
        registry.AddImplicitParents();
    }
}
