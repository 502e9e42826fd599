using System.Net;
using CqBot.Testing;
using CqBot.Tests.Support;

namespace CqBot.Tests.Hosting;

/// <summary><c>--prefix</c> and <c>--nickname</c> decide which messages are commands.</summary>
public sealed class CommandPrefixTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeOneBotPoster _poster = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(["--prefix", "/", "--prefix", "!", "--nickname", "骰娘"]);
        _poster = new FakeOneBotPoster(_host.BaseUrl, TestEvents.SelfId);
    }

    public async Task DisposeAsync()
    {
        _poster.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("/add 1 2")]
    [InlineData("!add 1 2")]
    [InlineData("骰娘 add 1 2")]
    [InlineData("骰娘，/add 1 2")]
    public async Task GroupMessage_WithPrefixOrNickname_RunsTheCommand(string text)
    {
        var result = await _poster.PostAsync(TestEvents.GroupMessageJson(1, 42, text));

        Assert.Equal("3", TextOf.Message(result.Operation!.Value.GetProperty("reply")));
    }

    [Fact]
    public async Task GroupMessage_WithoutPrefix_IsNotACommand()
    {
        var result = await _poster.PostAsync(TestEvents.GroupMessageJson(1, 42, "add 1 2"));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
    }

    [Fact]
    public async Task PrivateMessage_WithoutPrefix_RunsTheCommand()
    {
        var result = await _poster.PostAsync(TestEvents.PrivateMessageJson(42, "add 2 2"));

        Assert.Equal("4", TextOf.Message(result.Operation!.Value.GetProperty("reply")));
    }
}
