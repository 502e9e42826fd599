namespace CqBot.Hosting;

/// <summary>Says which account changed and how.</summary>
public sealed class BotAccountStateChangedEventArgs(IBot bot, BotAccountState state) : EventArgs
{
    /// <summary>The account; call its API through it.</summary>
    public IBot Bot { get; } = bot;

    /// <summary>What happened.</summary>
    public BotAccountState State { get; } = state;
}
