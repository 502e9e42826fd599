using System.Text;
using CqBot.Json;

namespace CqBot.Events;

/// <summary>
/// The OneBot v11 names that appear as values of <c>post_type</c>, the detail types, <c>sub_type</c> and
/// <c>honor_type</c>, as shared string instances.
/// </summary>
/// <remarks>
/// Every event carries three or four of these; returning the shared instance instead of decoding a new
/// string each time keeps the hot path free of those allocations, and unknown values still decode.
/// </remarks>
internal static class EventNames
{
    // post_type
    public const string Message = "message";
    public const string MessageSent = "message_sent";
    public const string Notice = "notice";
    public const string Request = "request";
    public const string MetaEvent = "meta_event";

    // message_type, request_type
    public const string Private = "private";
    public const string Group = "group";
    public const string Friend = "friend";

    // notice_type
    public const string GroupUpload = "group_upload";
    public const string GroupAdmin = "group_admin";
    public const string GroupDecrease = "group_decrease";
    public const string GroupIncrease = "group_increase";
    public const string GroupBan = "group_ban";
    public const string FriendAdd = "friend_add";
    public const string GroupRecall = "group_recall";
    public const string FriendRecall = "friend_recall";
    public const string Notify = "notify";
    public const string GroupCard = "group_card";
    public const string Essence = "essence";
    public const string OfflineFile = "offline_file";
    public const string ClientStatus = "client_status";

    // meta_event_type
    public const string Lifecycle = "lifecycle";
    public const string Heartbeat = "heartbeat";

    // notify sub_type
    public const string Poke = "poke";
    public const string LuckyKing = "lucky_king";
    public const string Honor = "honor";
    public const string Title = "title";

    private static readonly Utf8NameTable<string> s_known = new(
    [
        (Message, Message), (MessageSent, MessageSent), (Notice, Notice), (Request, Request), (MetaEvent, MetaEvent),
        (Private, Private), (Group, Group), (Friend, Friend),
        (GroupUpload, GroupUpload), (GroupAdmin, GroupAdmin), (GroupDecrease, GroupDecrease),
        (GroupIncrease, GroupIncrease), (GroupBan, GroupBan), (FriendAdd, FriendAdd), (GroupRecall, GroupRecall),
        (FriendRecall, FriendRecall), (Notify, Notify), (GroupCard, GroupCard), (Essence, Essence),
        (OfflineFile, OfflineFile), (ClientStatus, ClientStatus),
        (Lifecycle, Lifecycle), (Heartbeat, Heartbeat),
        (Poke, Poke), (LuckyKing, LuckyKing), (Honor, Honor), (Title, Title),
        ("other", "other"), ("normal", "normal"), ("anonymous", "anonymous"),
        ("set", "set"), ("unset", "unset"), ("leave", "leave"), ("kick", "kick"), ("kick_me", "kick_me"),
        ("approve", "approve"), ("invite", "invite"), ("ban", "ban"), ("lift_ban", "lift_ban"),
        ("add", "add"), ("delete", "delete"), ("enable", "enable"), ("disable", "disable"), ("connect", "connect"),
        ("talkative", "talkative"), ("performer", "performer"), ("emotion", "emotion"),
    ]);

    /// <summary>The shared instance for a well-known name, or a newly decoded string for any other.</summary>
    public static string Get(ReadOnlySpan<byte> utf8) =>
        s_known.TryGetValue(utf8, out var name) ? name : Encoding.UTF8.GetString(utf8);
}
