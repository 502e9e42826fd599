using CqBot.Hosting;
using CqBot.Hosting.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CqBot.Tests.Support;

/// <summary>A bot on real Kestrel at a free loopback port, built from command-line style arguments.</summary>
internal sealed class BotHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private BotHost(BotApplication app)
    {
        App = app;
        var root = app.Urls.First().TrimEnd('/');
        BaseUrl = new Uri(root + "/");
        var ws = root.Replace("http://", "ws://", StringComparison.Ordinal);
        Universal = new Uri(ws + "/ws/");
        Api = new Uri(ws + "/ws/api/");
        Event = new Uri(ws + "/ws/event/");
    }

    public BotApplication App { get; }

    public Uri BaseUrl { get; }

    public Uri Universal { get; }

    public Uri Api { get; }

    public Uri Event { get; }

    public BotAccounts Accounts => App.Accounts;

    public static async Task<BotHost> StartAsync(string[]? args = null, Action<BotApplicationBuilder>? configure = null)
    {
        var settings = new BotCommandLine().Parse(["--urls", "http://127.0.0.1:0", .. args ?? []], TextWriter.Null)!;
        var builder = new BotApplicationBuilder(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Users and channels in memory: nothing of one test run stays for the next.
        builder.Configuration["CqBot:Storage:Provider"] = "memory";
        builder.Services.AddSingleton<Commands.IGreetingSource, Commands.FixedGreeting>();
        builder.AddPlugin(new CqBot.Generated.ApplicationPlugin());
        configure?.Invoke(builder);
        var app = builder.Build();
        await app.StartAsync();
        return new BotHost(app);
    }

    public async Task<IBot> WaitForBotAsync(long selfId)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await Accounts.WaitForReadyAsync(selfId, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
