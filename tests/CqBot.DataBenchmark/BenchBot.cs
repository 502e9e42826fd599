using System.Text;
using CqBot.Testing;

namespace CqBot.DataBenchmark;

/// <summary>A dispatcher with the benchmark's generated plugin over some <see cref="BotData"/>, and the events it is fed.</summary>
internal static class BenchBot
{
    public const long SelfId = 10001;

    /// <summary>The dispatcher as a bot runs it: the generated plugin, the data, and the bump field asked for before each user is attached.</summary>
    public static EventDispatcher Create(BotData data)
    {
        var dispatcher = new EventDispatcher();
        dispatcher.AddPlugin(new CqBot.Generated.ApplicationPlugin());
        dispatcher.OnBeforeAttachUser((_, fields) => fields.Add(BenchCommands.Bumps));
        dispatcher.Data = data;
        return dispatcher;
    }

    public static Bot Bot { get; } = new(SelfId, new NoTransport());

    public static IServiceProvider Services { get; } = new NoServices();

    /// <summary>A group message, parsed as a host would parse it.</summary>
    public static Event GroupMessage(long groupId, long userId, string text, long messageId = 7) =>
        EventParser.Parse(Encoding.UTF8.GetBytes(FakeEvents.GroupMessage(SelfId, groupId, userId, text, messageId)));

    /// <summary>The reply's text, or null when there is none.</summary>
    public static string? ReplyText(QuickOperation? operation) => operation?.Reply?.GetPlainText();

    /// <summary>Replies go back as the quick operation; nothing here calls the API.</summary>
    private sealed class NoTransport : IApiTransport
    {
        public ValueTask<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The benchmark's commands call no API.");
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
