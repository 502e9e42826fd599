using CqBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CqBot.Tests.Commands;

public sealed class CheckTests
{
    private readonly DispatchHarness _harness = new(services => services.AddSingleton<IGreetingSource, FixedGreeting>());

    [Fact]
    public async Task ClassCheck_Fails_RepliesWithItsTextInsteadOfRunning() =>
        Assert.Equal("Only in groups.", await _harness.SendPrivateAsync("guarded"));

    [Fact]
    public async Task ClassCheck_Passes_CommandRuns() =>
        Assert.Equal("ran", await _harness.SendGroupAsync("guarded"));

    [Fact]
    public async Task NamedAsyncCheck_Passes_CommandRuns() =>
        Assert.Equal("classified", await _harness.SendGroupAsync("secret", userId: 42));

    [Fact]
    public async Task NamedAsyncCheck_ReturnsFalse_StopsSilently() =>
        Assert.Null(await _harness.SendGroupAsync("secret", userId: 7));

    [Fact]
    public async Task NamedCheck_OtherCommand_DoesNotApply() =>
        Assert.Equal("ran", await _harness.SendGroupAsync("guarded", userId: 7));

    [Fact]
    public async Task ClassCheck_RunsBeforeHelp() =>
        Assert.Equal("Only in groups.", await _harness.SendPrivateAsync("guarded -h"));
}
