using CqBot.Events;

namespace CqBot;

/// <summary>
/// Someone poked someone (<c>notice.notify.poke</c>). The v11 spec only covers pokes in a group;
/// go-cqhttp and its successors also report friend pokes, which have no <see cref="GroupId"/>.
/// </summary>
public sealed class PokeNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public PokeNotice()
        : base(EventNames.Notify)
    {
        SubType = EventNames.Poke;
    }

    /// <summary>The group the poke happened in; null for a poke between friends.</summary>
    public long? GroupId { get; init; }

    /// <summary>Who poked.</summary>
    public long UserId { get; init; }

    /// <summary>Who was poked (the bot's own number when the bot was poked).</summary>
    public long TargetId { get; init; }

    /// <summary>Who poked, as go-cqhttp's extra <c>sender_id</c>; null when not reported.</summary>
    public long? SenderId { get; init; }
}

/// <summary>A group red packet's luckiest recipient was decided (<c>notice.notify.lucky_king</c>).</summary>
public sealed class LuckyKingNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public LuckyKingNotice()
        : base(EventNames.Notify)
    {
        SubType = EventNames.LuckyKing;
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>Who sent the red packet.</summary>
    public long UserId { get; init; }

    /// <summary>The lucky king: who received the largest share.</summary>
    public long TargetId { get; init; }
}

/// <summary>A group member received an honour (<c>notice.notify.honor</c>).</summary>
public sealed class HonorNotice : NoticeEvent
{
    /// <summary>Creates an empty notice; the parser fills in every field.</summary>
    public HonorNotice()
        : base(EventNames.Notify)
    {
        SubType = EventNames.Honor;
    }

    /// <summary>The group's number.</summary>
    public long GroupId { get; init; }

    /// <summary>
    /// Which honour: <c>talkative</c> (dragon king, most active), <c>performer</c> (group
    /// performer) or <c>emotion</c> (happy source).
    /// </summary>
    public string HonorType { get; init; } = string.Empty;

    /// <summary>The QQ number of the member who received it.</summary>
    public long UserId { get; init; }
}
