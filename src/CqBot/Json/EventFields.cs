namespace CqBot.Json;

/// <summary>
/// Every field of every modelled event, filled in one pass over the JSON before the event's type is
/// known (implementations do not promise that <c>post_type</c> comes first).
/// </summary>
internal struct EventFields
{
    public long Time;
    public long SelfId;
    public string? PostType;
    public string? MessageType;
    public string? NoticeType;
    public string? RequestType;
    public string? MetaEventType;
    public string? SubType;

    public long MessageId;
    public long? UserId;
    public long? GroupId;
    public AnonymousInfo? Anonymous;
    public Message? Message;
    public string? RawMessage;

    // Where raw_message's text is in the input when it is decoded on first use; its length is 0 otherwise.
    public int RawMessageStart;
    public int RawMessageLength;
    public int Font;
    public SenderFields Sender;

    // Where the sender object is in the input when it is read on first use; its length is 0 otherwise.
    public int SenderStart;
    public int SenderLength;
    public long? MessageSeq;
    public long? TargetId;
    public int? TempSource;

    public long OperatorId;
    public long Duration;
    public FileFields File;
    public long? SenderId;
    public string? HonorType;
    public string? Title;
    public string? CardNew;
    public string? CardOld;
    public string? Comment;
    public string? Flag;
    public HeartbeatStatus? Status;
    public long Interval;
    public ClientDevice? Client;
    public bool? Online;

    // The first id that is not an integer (Unknown when every one is), and what it was instead.
    public EventField InvalidId;
    public System.Text.Json.JsonTokenType InvalidIdKind;
}

/// <summary>The <c>sender</c> object of a message event.</summary>
internal struct SenderFields
{
    public bool Present;
    public long? UserId;
    public string? Nickname;
    public string? Card;
    public Sex Sex;
    public int Age;
    public string? Area;
    public string? Level;
    public GroupRole Role;
    public string? Title;
}

/// <summary>The <c>file</c> object of <c>group_upload</c> (id, name, size, busid) and <c>offline_file</c> (name, size, url).</summary>
internal struct FileFields
{
    public string? Id;
    public string? Name;
    public long Size;
    public long BusId;
    public string? Url;
}
