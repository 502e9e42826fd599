using System.Text;
using CqBot.Hosting.Protocol;

namespace CqBot.Tests.Hosting;

/// <summary>What hosting takes from a heartbeat: only <c>status.online</c> and <c>status.good == false</c> count.</summary>
public sealed class HeartbeatFactsTests
{
    private static HeartbeatEvent Heartbeat(string rest) => Assert.IsType<HeartbeatEvent>(EventParser.Parse(Encoding.UTF8.GetBytes(
        "{\"time\":1,\"self_id\":1,\"post_type\":\"meta_event\",\"meta_event_type\":\"heartbeat\"" + rest + "}")));

    [Theory]
    [InlineData(",\"status\":{\"online\":true,\"good\":true}", true)]
    [InlineData(",\"status\":{\"online\":false,\"good\":true}", false)]
    [InlineData(",\"status\":{\"online\":true,\"good\":false}", false)]
    [InlineData(",\"status\":{\"online\":null,\"good\":false}", false)]
    [InlineData(",\"status\":{\"good\":false}", false)]
    [InlineData(",\"status\":{\"online\":true}", true)]
    [InlineData(",\"status\":{\"good\":true}", null)]
    [InlineData(",\"status\":{}", null)]
    [InlineData("", null)]
    public void ReadHeartbeat_StatusFlags_OnlyOnlineAndGoodFalseCount(string rest, bool? online)
    {
        Assert.Equal(online, EventFacts.ReadHeartbeat(Heartbeat(rest)).Online);
    }

    [Theory]
    [InlineData(",\"interval\":5000", 5000)]
    [InlineData(",\"interval\":0", null)]
    [InlineData(",\"interval\":-5", null)]
    [InlineData("", null)]
    public void ReadHeartbeat_Interval_IsNullWhenMissingOrNotPositive(string rest, int? milliseconds)
    {
        Assert.Equal(milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null, EventFacts.ReadHeartbeat(Heartbeat(rest)).Interval);
    }
}
