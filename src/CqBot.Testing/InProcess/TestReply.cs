using System.Text.Json;

namespace CqBot.Testing;

/// <summary>What a <see cref="TestBot"/> did about one event: the API calls it made while handling it.</summary>
public sealed class TestReply
{
    internal TestReply(IReadOnlyList<ApiCall> calls)
    {
        Calls = calls;
    }

    /// <summary>The API calls, in order.</summary>
    public IReadOnlyList<ApiCall> Calls { get; }

    /// <summary>
    /// The text the bot sent: the messages of its send calls (and the reply of a quick operation),
    /// joined by new lines; null when it sent nothing.
    /// </summary>
    public string? Text
    {
        get
        {
            List<string>? texts = null;
            foreach (var call in Calls)
            {
                if (call.Action.StartsWith("send_", StringComparison.Ordinal))
                {
                    (texts ??= []).Add(call.MessageText);
                }
                else if (call.Action == ".handle_quick_operation"
                    && call.Parameters.TryGetProperty("operation", out var operation) && operation.ValueKind == JsonValueKind.Object
                    && operation.TryGetProperty("reply", out var reply))
                {
                    (texts ??= []).Add(FakeJson.TextOf(reply));
                }
            }
            return texts is null ? null : string.Join('\n', texts);
        }
    }
}
