namespace CqBot.Tests.Events;

/// <summary>The OneBot v11 event fixtures copied from shared/onebot11/events into TestData/events.</summary>
internal static class EventFixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "events");

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Root, name));

    public static T Parse<T>(string name)
        where T : Event => Assert.IsType<T>(EventParser.Parse(Read(name)));

    public static string[] Types(Message message)
    {
        var types = new string[message.Count];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = message[i].Type;
        }
        return types;
    }
}
