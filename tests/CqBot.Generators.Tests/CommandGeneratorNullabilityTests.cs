using CqBot.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CqBot.Generators.Tests;

/// <summary>
/// Generated code must build in a project with nullable reference types on and warnings as errors,
/// whatever parameter types the commands use.
/// </summary>
public sealed class CommandGeneratorNullabilityTests
{
    private const string Types = """
        using System;
        using System.Diagnostics.CodeAnalysis;
        using System.Globalization;

        namespace Sample.Types;

        public enum Color { Red, Green }

        public readonly record struct Point(int X, int Y)
        {
            public static bool TryParse(string text, out Point point)
            {
                point = new Point(text.Length, 0);
                return text.Length > 0;
            }
        }

        public sealed class Tag
        {
            public static bool TryParse(string text, [NotNullWhen(true)] out Tag? tag)
            {
                tag = text.Length > 0 ? new Tag() : null;
                return tag is not null;
            }
        }

        public sealed class Code : IParsable<Code>
        {
            public static Code Parse(string s, IFormatProvider? provider) => new();

            public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out Code result)
            {
                result = s is null ? null : new Code();
                return result is not null;
            }
        }
        """;

    private const string EveryType = """
        using System;
        using CqBot;

        namespace Sample.Types;

        public partial class Everything
        {
            [Command("required <s> <b:boolean> <i:integer> <l:integer> <d:number> <f:number> <m:number> <dt:date> <dto:date> <c> <p> <t> <code> <v> <g> <u:user> <ch:channel> <img:image> <seg:image> <txt:text>")]
            public static void Required(string s, bool b, int i, long l, double d, float f, decimal m, DateTime dt, DateTimeOffset dto, Color c, Point p, Tag t, Code code, Version v, Guid g, long u, long ch, string img, Segment seg, string txt) { }

            [Command("required-nullable <s> <b:boolean> <i:integer> <l:integer> <d:number> <f:number> <m:number> <dt:date> <dto:date> <c> <p> <t> <code> <v> <g> <u:user> <ch:channel> <img:image> <seg:image> <txt:text>")]
            public static void RequiredNullable(string? s, bool? b, int? i, long? l, double? d, float? f, decimal? m, DateTime? dt, DateTimeOffset? dto, Color? c, Point? p, Tag? t, Code? code, Version? v, Guid? g, long? u, long? ch, string? img, Segment? seg, string? txt) { }

            [Command("optional [s] [b:boolean] [i:integer] [l:integer] [d:number] [f:number] [m:number] [dt:date] [dto:date] [c] [p] [t] [code] [v] [g] [u:user] [ch:channel] [img:image] [seg:image] [txt:text]")]
            public static void Optional(string? s, bool? b, int? i, long? l, double? d, float? f, decimal? m, DateTime? dt, DateTimeOffset? dto, Color? c, Point? p, Tag? t, Code? code, Version? v, Guid? g, long? u, long? ch, string? img, Segment? seg, string? txt) { }

            [Command("defaults [s] [b:boolean] [i:integer] [l:integer] [d:number] [f:number] [m:number] [dt:date] [dto:date] [c] [p] [u:user] [img:image] [txt:text]")]
            public static void Defaults(string s = "x", bool b = true, int i = 1, long l = 2, double d = 1.5, float f = 2.5f, decimal m = 3.5m, DateTime dt = default, DateTimeOffset dto = default, Color c = Color.Green, Point p = default, long u = 3, string img = "", string txt = "t") { }

            [Command("nullable-defaults [s] [i:integer] [c] [t] [v] [seg:image]")]
            public static void NullableDefaults(string? s = null, int? i = 4, Color? c = Color.Red, Tag? t = null, Version? v = null, Segment? seg = null) { }

            [Command("suppressed [s]")]
            public static void Suppressed(string s = null!) { }

            [Command("variadic [...words]")]
            public static void Variadic(string[] words) { }

            [Command("variadic-nullable [...words]")]
            public static void VariadicNullable(string?[]? words) { }

            [Command("variadic-typed [...tags]")]
            public static void VariadicTyped(Tag[] tags) { }

            [Command("variadic-numbers [...numbers:integer]")]
            public static void VariadicNumbers(long[] numbers) { }

            [Command("options")]
            [Option("s", "-s <s>")]
            [Option("s2", "--s2 <s2>")]
            [Option("s3", "--s3 [s3]")]
            [Option("s4", "--s4 <s4>", Default = "d")]
            [Option("flag", "-f")]
            [Option("flag2", "-g")]
            [Option("flag3", "--flag3")]
            [Option("n", "-n <n:integer>")]
            [Option("n2", "--n2 <n2:integer>")]
            [Option("n3", "--n3 <n3:posint>", Default = 5)]
            [Option("l", "-l <l:integer>")]
            [Option("d", "-d <d:number>")]
            [Option("c", "-c <c>")]
            [Option("c2", "--c2 <c2>")]
            [Option("p", "-p <p>")]
            [Option("t", "-t <t>")]
            [Option("code", "--code <code>")]
            [Option("v", "-v <v>")]
            [Option("u", "-u <u:user>")]
            [Option("img", "-i <img:image>")]
            [Option("dt", "--dt <dt:date>")]
            [Option("txt", "-x <txt:text>")]
            [Option("mode", "-m <mode>")]
            [Option("mode", "-A", Value = "adv")]
            [Option("style", "-F", Value = "fancy")]
            [Option("level", "-L", Value = 1)]
            [Option("level", "-H", Value = 2)]
            public static void Options(
                string? s, string s2 = "x", string? s3 = null, string s4 = "e", bool flag = false, bool? flag2 = null, bool flag3 = true,
                int n = 0, int? n2 = null, int n3 = 1, long? l = null, double? d = null, Color? c = null, Color c2 = Color.Green,
                Point? p = null, Tag? t = null, Code? code = null, Version? v = null, long? u = null, Segment? img = null,
                DateTimeOffset? dt = null, string? txt = null, string? mode = null, string? style = null, int level = 0) { }

            [Command("options-without-defaults")]
            [Option("n", "-n <n:integer>")]
            [Option("flag", "-f")]
            [Option("c", "-c <c>")]
            [Option("p", "-p <p>")]
            [Option("dt", "--dt <dt:date>")]
            [Option("s", "-s <s>")]
            [Option("t", "-t <t>")]
            public static void OptionsWithoutDefaults(int n, bool flag, Color c, Point p, DateTimeOffset dt, string? s, Tag? t) { }

            [Command("options-attribute-default")]
            [Option("s", "-s <s>", Default = "d")]
            [Option("v", "-v <v>", Default = "1.0")]
            public static void OptionsAttributeDefault(string s, string? v) { }
        }
        """;

    // A project without nullable reference types: its parameters accept null, and the generated code,
    // which enables them for itself, must not warn about that.
    private const string Oblivious = """
        #nullable disable
        using CqBot;

        namespace Sample.Types;

        public partial class Oblivious
        {
            [Command("plain [s] [t]")]
            [Option("o", "-o <o>")]
            [Option("v", "-v <v>")]
            public static void Plain(string s = null, Tag t = null, string o = null, System.Version v = null) { }
        }
        """;

    [Fact]
    public void Generate_EveryParameterTypeNullableOrNot_CompilesWithoutWarnings() => AssertCompilesWithoutWarnings(EveryType);

    [Fact]
    public void Generate_ParametersWithoutNullableAnnotations_CompilesWithoutWarnings() => AssertCompilesWithoutWarnings(Oblivious);

    // Every warning of every level, as errors: what a project with TreatWarningsAsErrors sees.
    private static void AssertCompilesWithoutWarnings(string commands)
    {
        var (result, output, diagnostics) = GeneratorRunner.Run(Types, commands);
        Assert.Empty(diagnostics);
        Assert.NotEmpty(result.Results.SelectMany(r => r.GeneratedSources));
        var options = ((CSharpCompilationOptions)output.Options)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithWarningLevel(9999);
        var found = output.WithOptions(options).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(found.Length == 0, string.Join("\n", found.Select(d => d.ToString())));
    }
}
