using System.Text;

namespace CqBot.Tests.Events;

public class MetaEventParsingTests
{
    [Theory]
    [InlineData("meta_lifecycle_enable.json", 1715759990, "enable")]
    [InlineData("meta_lifecycle_disable.json", 1715769990, "disable")]
    [InlineData("meta_lifecycle_connect.json", 1715759995, "connect")]
    public void Parse_LifecycleFixture_ReadsEveryField(string file, long time, string subType)
    {
        var evt = EventFixtures.Parse<LifecycleEvent>(file);

        Assert.Equal(time, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("meta_event", evt.PostType);
        Assert.Equal("lifecycle", evt.MetaEventType);
        Assert.Equal("lifecycle", evt.DetailType);
        Assert.Equal(subType, evt.SubType);
    }

    [Fact]
    public void Parse_HeartbeatFixture_ReadsEveryField()
    {
        var evt = EventFixtures.Parse<HeartbeatEvent>("meta_heartbeat.json");

        Assert.Equal(1715760015, evt.Time);
        Assert.Equal(10001000, evt.SelfId);
        Assert.Equal("meta_event", evt.PostType);
        Assert.Equal("heartbeat", evt.MetaEventType);
        Assert.Null(evt.SubType);
        Assert.Equal(15000, evt.Interval);
        Assert.True(evt.Status.Online);
        Assert.True(evt.Status.Good);
        Assert.Null(evt.Status.AppInitialized);
        Assert.Null(evt.Status.AppEnabled);
        Assert.Null(evt.Status.PluginsGood);
        Assert.Null(evt.Status.AppGood);
        Assert.Null(evt.Status.Stat);
    }

    [Fact]
    public void Parse_HeartbeatWithNullOnline_ReportsOnlineUnknown()
    {
        var evt = Assert.IsType<HeartbeatEvent>(EventParser.Parse("""
            {"time":1,"self_id":1,"post_type":"meta_event","meta_event_type":"heartbeat","status":{"online":null,"good":false},"interval":5000}
            """u8));

        Assert.Null(evt.Status.Online);
        Assert.False(evt.Status.Good);
    }

    [Theory]
    [InlineData("""{"online":true}""", true, null)]
    [InlineData("""{"good":true}""", null, true)]
    [InlineData("""{"online":false,"good":false}""", false, false)]
    [InlineData("""{}""", null, null)]
    public void Parse_HeartbeatStatus_TellsMissingFlagsFromFalse(string status, bool? online, bool? good)
    {
        var evt = Assert.IsType<HeartbeatEvent>(EventParser.Parse(Encoding.UTF8.GetBytes(
            """{"time":1,"self_id":1,"post_type":"meta_event","meta_event_type":"heartbeat","interval":5000,"status":""" + status + "}")));

        Assert.Equal(online, evt.Status.Online);
        Assert.Equal(good, evt.Status.Good);
    }

    [Fact]
    public void Parse_HeartbeatWithoutStatusOrInterval_ReportsNothingKnown()
    {
        var evt = Assert.IsType<HeartbeatEvent>(EventParser.Parse("""
            {"time":1,"self_id":1,"post_type":"meta_event","meta_event_type":"heartbeat"}
            """u8));

        Assert.Null(evt.Status.Online);
        Assert.Null(evt.Status.Good);
        Assert.Equal(0, evt.Interval);
    }
}
