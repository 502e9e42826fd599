using System.Text;
using CqBot.Testing;

namespace CqBot.Tests.Support;

internal static class TestEvents
{
    public const long SelfId = 10001000;

    public static string GroupMessageJson(long groupId, long userId, string text) => FakeEvents.GroupMessage(SelfId, groupId, userId, text);

    public static string PrivateMessageJson(long userId, string text) => FakeEvents.PrivateMessage(SelfId, userId, text);

    public static Event GroupMessage(long groupId, long userId, string text) => EventParser.Parse(Encoding.UTF8.GetBytes(GroupMessageJson(groupId, userId, text)));

    public static Event PrivateMessage(long userId, string text) => EventParser.Parse(Encoding.UTF8.GetBytes(PrivateMessageJson(userId, text)));
}
