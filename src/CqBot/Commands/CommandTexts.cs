using System.Globalization;

namespace CqBot;

/// <summary>
/// The texts the command runtime sends to users. <see cref="ChineseSimplified"/> is the default;
/// <see cref="English"/> is included; create your own instance to translate or reword.
/// </summary>
public sealed class CommandTexts
{
    /// <summary>Simplified Chinese (zh-CN), the default.</summary>
    public static CommandTexts ChineseSimplified { get; } = new()
    {
        MissingArgument = "缺少参数 {0}，输入帮助以查看用法。",
        InvalidArgument = "参数 {0} 输入无效，{1}",
        TooManyArguments = "存在多余参数，输入帮助以查看用法。",
        ExpectNumber = "请提供一个数字。",
        ExpectInteger = "请提供一个整数。",
        ExpectPositiveInteger = "请提供一个正整数。",
        ExpectNaturalNumber = "请提供一个非负整数。",
        ExpectBoolean = "请提供一个布尔值。",
        ExpectValue = "请提供正确的值。",
        UnknownError = "发生未知错误。",
    };

    /// <summary>English (en-US).</summary>
    public static CommandTexts English { get; } = new()
    {
        MissingArgument = "Missing argument {0}, type help to see usage.",
        InvalidArgument = "Invalid argument {0}, {1}",
        TooManyArguments = "Too many arguments, type help to see usage.",
        ExpectNumber = "Expect a number.",
        ExpectInteger = "Expect an integer.",
        ExpectPositiveInteger = "Expect a positive integer.",
        ExpectNaturalNumber = "Expect a non-negative integer.",
        ExpectBoolean = "Expect a boolean.",
        ExpectValue = "Expect a valid value.",
        UnknownError = "An unknown error has occurred.",
    };

    /// <summary>A required argument is missing; {0} is its name.</summary>
    public required string MissingArgument { get; init; }

    /// <summary>An argument is invalid; {0} is its name, {1} what was expected.</summary>
    public required string InvalidArgument { get; init; }

    /// <summary>More arguments than declared.</summary>
    public required string TooManyArguments { get; init; }

    /// <summary>What a <c>number</c> expects.</summary>
    public required string ExpectNumber { get; init; }

    /// <summary>What an <c>integer</c> expects.</summary>
    public required string ExpectInteger { get; init; }

    /// <summary>What a <c>posint</c> expects.</summary>
    public required string ExpectPositiveInteger { get; init; }

    /// <summary>What a <c>natural</c> expects.</summary>
    public required string ExpectNaturalNumber { get; init; }

    /// <summary>What a <c>boolean</c> expects.</summary>
    public required string ExpectBoolean { get; init; }

    /// <summary>What any other type expects.</summary>
    public required string ExpectValue { get; init; }

    /// <summary>Sent when a command handler throws.</summary>
    public required string UnknownError { get; init; }

    /// <summary>The expectation sentence for a declared type name.</summary>
    public string Expectation(string type) => type switch
    {
        "number" => ExpectNumber,
        "integer" => ExpectInteger,
        "posint" => ExpectPositiveInteger,
        "natural" => ExpectNaturalNumber,
        "boolean" => ExpectBoolean,
        _ => ExpectValue,
    };

    internal string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
