namespace CqBot;

/// <summary>How a prompt ended.</summary>
public enum PromptOutcome
{
    /// <summary>The user answered.</summary>
    Answered,

    /// <summary>No answer came within the timeout.</summary>
    TimedOut,

    /// <summary>The bot is shutting down, the account disconnected, the caller cancelled, or a newer prompt of the same user took over.</summary>
    Cancelled,

    /// <summary>A typed prompt got answers that did not parse, as many times as it asked.</summary>
    Invalid,
}

/// <summary>What <see cref="Session.PromptAsync(Message?, TimeSpan?, CancellationToken)"/> got: the answer, or why there is none.</summary>
public sealed class PromptResult
{
    internal PromptResult(PromptOutcome outcome, MessageEvent? answer)
    {
        Outcome = outcome;
        Answer = answer;
    }

    /// <summary>How the prompt ended.</summary>
    public PromptOutcome Outcome { get; }

    /// <summary>True when the user answered.</summary>
    public bool IsAnswered => Outcome == PromptOutcome.Answered;

    /// <summary>The answering message, or null.</summary>
    public MessageEvent? Answer { get; }

    /// <summary>The answer in CQ-code form (as <see cref="Session.Content"/>), or empty.</summary>
    public string Content => Answer?.Message.ToCqCode() ?? "";

    /// <summary>The answer's text alone (as <see cref="Session.PlainText"/>), or empty.</summary>
    public string PlainText => Answer?.Message.GetPlainText() ?? "";
}

/// <summary>What a typed prompt got: the parsed value, or why there is none.</summary>
/// <typeparam name="T">The type asked for.</typeparam>
public sealed class PromptResult<T>
{
    internal PromptResult(PromptOutcome outcome, T value, MessageEvent? answer)
    {
        Outcome = outcome;
        Value = value;
        Answer = answer;
    }

    /// <summary>How the prompt ended.</summary>
    public PromptOutcome Outcome { get; }

    /// <summary>True when the user answered with a value that parsed.</summary>
    public bool IsAnswered => Outcome == PromptOutcome.Answered;

    /// <summary>The parsed value; the type's default unless <see cref="IsAnswered"/>.</summary>
    public T Value { get; }

    /// <summary>The last answering message, or null.</summary>
    public MessageEvent? Answer { get; }
}
