using System.Collections.Immutable;
using CqBot.Analyzers;
using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CqBot.Generators.Tests;

public sealed class CheckTargetAnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var compilation = CompilationFactory.Create(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzed = compilation.WithAnalyzers([new CheckTargetAnalyzer()]);
        var diagnostics = await analyzed.GetAllDiagnosticsAsync();
        // An analyzer that throws shows as AD0001: that must fail the test too.
        return [.. diagnostics.Where(d => d.Id is "CQB2015" or "AD0001")];
    }

    [Fact]
    public async Task CheckNamingAMisspelledCommand_IsAnErrorOnTheNameWithASuggestion()
    {
        const string source = """
            using CqBot;
            public partial class Admin
            {
                [Command("kick <target:user>")] public static string Kick(long target) => "bye";
                [Command("ban <target:user>")] public static string Ban(long target) => "ban";
                [Check("kcik")] public static string? OwnersOnly(Session session) => session.UserId == 1 ? null : "no";
            }
            """;

        var diagnostic = Assert.Single(await AnalyzeAsync(source));

        Assert.Equal("CQB2015", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("\"kcik\"", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("Did you mean 'kick'?", diagnostic.GetMessage());
    }

    [Fact]
    public async Task CheckNamingACommandOfItsClass_InAnyCaseOrWithAPath_IsFine()
    {
        const string source = """
            using CqBot;
            public partial class Admin
            {
                [Command("admin/kick_user <target:user>")] public static string Kick(long target) => "bye";
                [Command("ban")] public static string Ban() => "ban";
                [Tags("moderation", "admin")] [Command("mute")] public static string Mute() => "mute";
                [Check("KICK-USER")] [Check("ban")] [Check] public static bool Allowed(Session session) => true;
            }

            // An attribute whose argument is an array (as xunit's InlineData) sits beside them.
            public sealed class TagsAttribute(params string[] tags) : System.Attribute
            {
                public string[] Tags { get; } = tags;
            }
            """;

        Assert.Empty(await AnalyzeAsync(source));
    }

    [Fact]
    public async Task CheckNamingNothingClose_IsReportedWithoutASuggestion()
    {
        var diagnostic = Assert.Single(await AnalyzeAsync("""
            using CqBot;
            public partial class Admin
            {
                [Command("kick")] public static string Kick() => "bye";
                [Check("weather")] public static bool Allowed() => true;
            }
            """));

        Assert.DoesNotContain("Did you mean", diagnostic.GetMessage());
    }
}
