using System.ComponentModel;

namespace CqBot.Hosting.Infrastructure;

/// <summary>
/// Lets a test kit run a bot's own entry point (its <c>Program</c>) in process, as ASP.NET Core's
/// <c>WebApplicationFactory</c> does: the kit configures every builder created in its async flow, and
/// takes over <see cref="BotApplication.Run"/> so the program's code runs unchanged. Not for bots.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BotApplicationHook
{
    private static readonly AsyncLocal<BotApplicationHook?> s_current = new();

    /// <summary>Runs on each builder right after <see cref="BotApplication.CreateBuilder"/> made it.</summary>
    public Action<BotApplicationBuilder>? ConfigureBuilder { get; init; }

    /// <summary>
    /// Runs instead of the host when the program calls <see cref="BotApplication.Run"/> or
    /// <see cref="BotApplication.RunAsync"/>; the program's run ends when the returned task does.
    /// </summary>
    public Func<BotApplication, CancellationToken, Task>? Run { get; init; }

    internal static BotApplicationHook? Current => s_current.Value;

    /// <summary>Makes <paramref name="hook"/> apply to bots created in the current async flow; dispose to stop.</summary>
    public static IDisposable Install(BotApplicationHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        var previous = s_current.Value;
        s_current.Value = hook;
        return new Uninstall(previous);
    }

    private sealed class Uninstall(BotApplicationHook? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
