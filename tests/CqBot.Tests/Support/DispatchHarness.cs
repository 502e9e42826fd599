using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Support;

/// <summary>A dispatcher with this assembly's generated commands and a recording transport.</summary>
internal sealed class DispatchHarness
{
    public DispatchHarness(Action<IServiceCollection>? services = null, CommandRegistry? registry = null, long selfId = TestEvents.SelfId, Microsoft.Extensions.Logging.ILogger<EventDispatcher>? logger = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        Services = collection.BuildServiceProvider();
        Dispatcher = registry is null ? new EventDispatcher(logger) : new EventDispatcher(registry, logger);
        if (registry is null)
        {
            // This assembly's declarations, as a bot built from it would have them.
            Dispatcher.AddPlugin(new CqBot.Generated.ApplicationPlugin());
        }
        Bot = new Bot(selfId, Transport);
    }

    public IServiceProvider Services { get; }

    public EventDispatcher Dispatcher { get; }

    public RecordingTransport Transport { get; } = new();

    public Bot Bot { get; }

    public async Task<string?> SendGroupAsync(string text, long groupId = 123456, long userId = 42)
    {
        await Dispatcher.DispatchAsync(new Session(TestEvents.GroupMessage(groupId, userId, text), Bot, Services));
        return LastReplyText();
    }

    public async Task<string?> SendPrivateAsync(string text, long userId = 42)
    {
        await Dispatcher.DispatchAsync(new Session(TestEvents.PrivateMessage(userId, text), Bot, Services));
        return LastReplyText();
    }

    private string? LastReplyText()
    {
        if (!Transport.Calls.TryDequeue(out var call))
        {
            return null;
        }
        var message = call.Parameters?["message"]?.AsArray();
        var text = new System.Text.StringBuilder();
        foreach (var segment in message ?? [])
        {
            if (segment?["type"]?.GetValue<string>() == "text")
            {
                text.Append(segment["data"]?["text"]?.GetValue<string>());
            }
        }
        return text.ToString();
    }
}
