using System.Net;
using System.Net.Sockets;
using CqBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CqBot.Tests.Hosting;

/// <summary>Start-up failures are typed exceptions the caller can catch; only an unhandled one ends the process.</summary>
public sealed class StartupTests
{
    [Fact]
    public void CreateBuilder_Help_ThrowsWithExitCodeZero()
    {
        var error = Assert.Throws<BotStartupException>(() => BotApplication.CreateBuilder(["--help"]));
        Assert.Equal(0, error.ExitCode);
        Assert.False(error.IsError);
    }

    [Fact]
    public void CreateBuilder_UnknownOption_ThrowsConfigurationExceptionWithExitCodeTwo()
    {
        var error = Assert.Throws<BotConfigurationException>(() => BotApplication.CreateBuilder(["--api-rot", "x"]));
        Assert.Equal(2, error.ExitCode);
        Assert.Contains("--api-rot", error.Message);
    }

    [Fact]
    public void Build_BadSettingFromTheCommandLine_ThrowsNamingIt()
    {
        var builder = BotApplication.CreateBuilder(["--api-root", "not a url", "--urls", "http://127.0.0.1:0"]);
        var error = Assert.Throws<BotConfigurationException>(builder.Build);
        Assert.Contains("CqBot:ApiRoot", error.Message);
    }

    [Fact]
    public void Build_BadSettingFromCode_FailsValidationNamingIt()
    {
        var builder = BotApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Services.Configure<BotOptions>(options => options.MaxBodySize = 10);
        var error = Assert.Throws<BotConfigurationException>(builder.Build);
        Assert.Contains("CqBot:MaxBodySize", error.Message);
    }

    [Fact]
    public async Task Options_AreIOptionsWithCodeWinningOverConfiguration()
    {
        var builder = BotApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--api-timeout", "5"]);
        builder.Services.Configure<BotOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(3));
        await using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<BotOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.ApiTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ShutdownTimeout);
        Assert.Same(options, app.Options);
    }

    [Fact]
    public async Task StartAsync_AddressTaken_ThrowsWithExitCodeOne()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var app = BotApplication.CreateBuilder(["--urls", $"http://127.0.0.1:{port}"]).Build();

        var error = await Assert.ThrowsAsync<BotStartupException>(() => app.StartAsync());

        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public async Task CreateBuilder_InThisProject_AddsItsOwnDeclarationsAsAPlugin()
    {
        var builder = BotApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Services.AddSingleton<Commands.IGreetingSource, Commands.FixedGreeting>();
        await using var app = builder.Build();

        Assert.Equal(["CqBot.Tests"], app.Plugins.Select(plugin => plugin.Name));
        Assert.True(app.Commands.TryGet("add", out _));
    }
}
