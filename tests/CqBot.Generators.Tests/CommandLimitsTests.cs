using System.Reflection;
using System.Runtime.Loader;
using CqBot.Generators.Declarations;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests;

public sealed class CommandLimitsTests
{
    private const string Source = """
        using CqBot;

        namespace Sample;

        public partial class Moderation
        {
            [Command("ban <target:user>", Authority = 3, MaxUsage = 10, MinInterval = "1h30m")]
            public static string Ban(long target) => "banned";

            [Command("ping")]
            public static string Ping() => "pong";
        }
        """;

    [Fact]
    public void GeneratedRegistration_CarriesTheDeclaredLimits()
    {
        var ban = Registered(Source, "ban");
        Assert.Equal(3, ban.Authority);
        Assert.Equal(10, ban.MaxUsage);
        Assert.Equal(TimeSpan.FromMinutes(90), ban.MinInterval);
    }

    [Fact]
    public void GeneratedRegistration_WithoutLimits_KeepsTheDefaults()
    {
        var ping = Registered(Source, "ping");
        Assert.Equal(1, ping.Authority);
        Assert.Equal(0, ping.MaxUsage);
        Assert.Equal(TimeSpan.Zero, ping.MinInterval);
    }

    [Fact]
    public void CommandWithoutLimits_EmitsNoneOfThem()
    {
        var (result, _, _) = GeneratorRunner.Run(Source);
        var table = result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == "CqBot.GeneratedCommands.g.cs").SourceText.ToString();
        var ping = table[table.IndexOf("(\"ping\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Authority", ping);
        Assert.DoesNotContain("MaxUsage", ping);
        Assert.DoesNotContain("MinInterval", ping);
    }

    [Theory]
    [InlineData("30s", 0, 0, 0, 30)]
    [InlineData("5m", 0, 0, 5, 0)]
    [InlineData("2h", 0, 2, 0, 0)]
    [InlineData("1d", 1, 0, 0, 0)]
    [InlineData("1h30m", 0, 1, 30, 0)]
    [InlineData("1d2h3m4s", 1, 2, 3, 4)]
    [InlineData("90m", 0, 1, 30, 0)]
    [InlineData("00:00:10", 0, 0, 0, 10)]
    [InlineData("1.02:00:00", 1, 2, 0, 0)]
    public void Duration_Accepted(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(Duration.TryParse(text, out var ticks));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), TimeSpan.FromTicks(ticks));
    }

    [Theory]
    [InlineData("-1m", -1)]
    [InlineData("0s", 0)]
    [InlineData("-00:01:00", -1)]
    public void Duration_ZeroOrNegative_IsReadForTheCallerToRefuse(string text, int minutes)
    {
        Assert.True(Duration.TryParse(text, out var ticks));
        Assert.Equal(TimeSpan.FromMinutes(minutes), TimeSpan.FromTicks(ticks));
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("-")]
    [InlineData("30")]
    [InlineData("5 m")]
    [InlineData("1.5h")]
    [InlineData("1H")]
    [InlineData("1h1h")]
    [InlineData("30m1h")]
    [InlineData("1h30")]
    [InlineData("99999999999d")]
    [InlineData("99999999999999999999s")]
    [InlineData("1:xx:00")]
    [InlineData(" 00:00:10")]
    public void Duration_Refused(string text) => Assert.False(Duration.TryParse(text, out _));

    // Compiles the generated code, loads it, and adds its plugin to a dispatcher as a bot would.
    private static CommandDefinition Registered(string source, string name)
    {
        var (_, output, diagnostics) = GeneratorRunner.Run(source);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("limits", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var plugin = (BotPlugin)Activator.CreateInstance(assembly.GetType("CqBot.Generated.ApplicationPlugin", throwOnError: true)!)!;
            var dispatcher = new EventDispatcher();
            dispatcher.AddPlugin(plugin);
            Assert.True(dispatcher.Commands.TryGet(name, out var command));
            return command;
        }
        finally
        {
            context.Unload();
        }
    }
}
