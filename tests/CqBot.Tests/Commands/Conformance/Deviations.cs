namespace CqBot.Tests.Commands.Conformance;

/// <summary>
/// Cases of commands.json where CqBot deliberately differs from Koishi 4.18, with what CqBot does
/// instead and why. Each is a product decision documented in the README ("Commands"); cases marked
/// quirk in commands.json are flagged as such.
/// </summary>
internal static class Deviations
{
    public sealed record Deviation(string Expected, string Reason);

    /// <summary>Dispatch steps ("case#step") whose reply differs, with CqBot's reply.</summary>
    public static readonly Dictionary<string, Deviation> DispatchReplies = new(StringComparer.Ordinal)
    {
        ["interp-001#7"] = new("foo$(echo bar)", "a text value that is one quoted string loses its quotes (the interpolation inside single quotes is still not run)."),
    };

    public static readonly Dictionary<string, Deviation> Table = new(StringComparer.Ordinal)
    {
        ["quote-005"] = new("""{"error":"unclosed-quote","name":"\"foo bar"}""",
            "quirk: a quote that is never closed is reported instead of silently swallowing the rest of the line."),
        ["quote-006"] = new("""{"error":"unclosed-quote","name":"\"a\"b c"}""",
            "quirk: an opening quote whose closer is not followed by a space never closes; reported as unclosed."),
        ["type-num-004"] = new("""{"error":"bad-type","in":"argument","name":"v"}""",
            "quirk: hexadecimal (0x10) is not a number; only decimal notation is accepted."),
        ["type-num-009"] = new("""{"error":"bad-type","in":"argument","name":"v"}""",
            "quirk: an empty value is not the number 0."),
        ["type-bool-001"] = new("""{"args":[false],"options":{}}""",
            "quirk: boolean values are parsed (false/no/off/0 are false) instead of mapping anything to true."),
        ["optx-009"] = new("""{"args":[],"options":{"alpha":false}}""",
            "quirk: --flag=false sets the flag to false."),
        ["type-unknown-001"] = new("""{"error":"unknown-type"}""",
            "quirk: an unknown type name is a compile-time error (CQB2002), never a run-time one."),
        ["check-002"] = new("""{"error":"missing-arg","name":"arg1","message_en":"Missing argument arg1, type help to see usage.","message_zh":"缺少参数 arg1，输入帮助以查看用法。"}""",
            "the error names the missing argument, and the user is not prompted for it."),
        ["opt-004"] = new("""{"args":[],"options":{"gamma":0,"epsilon":1,"noBeta":""}}""",
            "--no-x negates boolean options only; on a valued option it is not a negation (here: an unknown option, kept because the case allows unknown options)."),
        ["opt-010"] = new("""{"error":"missing-option-value","name":"gamma"}""",
            "an option declared with <value> but given without one is reported, instead of silently becoming 0 or an empty string."),
        ["short-001"] = new("""{"error":"missing-option-value","name":"beta"}""",
            "an option declared with <value> but given without one is reported, instead of silently becoming 0."),
        ["rest-003"] = new("""{"args":["a","b"],"options":{"rest":"c d"}}""",
            "a text value that is one quoted string loses its quotes."),
    };

    /// <summary>
    /// Inputs commands.json has no case for, written as parse cases whose <c>expect</c> is Koishi 4.18's
    /// result, with CqBot's result and the reason.
    /// </summary>
    public static readonly Dictionary<string, (string Case, Deviation Deviation)> Unlisted = new(StringComparer.Ordinal)
    {
        ["variant-kebab-001"] = (
            """{"id":"variant-kebab-001","kind":"parse","version":"v4","declaration":"test","options":[{"name":"gamma","syntax":"-c","default":null,"value":1}],"input":"test --gamma","expect":{"args":[],"options":{"gamma":""}}}""",
            new("""{"args":[],"options":{"gamma":1}}""",
                "an option declared only as value-variants answers to its --kebab-name with the first variant's value; Koishi reaches the option there but, having no value for that name, gives \"\", which no declaration asked for.")),
    };
}
