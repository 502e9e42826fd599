namespace CqBot;

/// <summary>What sending a merged forward answers.</summary>
public sealed record SentForwardMessage
{
    /// <summary>The id of the forward message sent; 0 when not reported.</summary>
    public long MessageId { get; init; }

    /// <summary>The forward's id for <c>GetForwardMessageAsync</c> (go-cqhttp, Lagrange); null when not reported.</summary>
    public string? ForwardId { get; init; }
}

/// <summary>Messages of a chat's history, oldest first, from a history call.</summary>
public sealed record MessageHistory
{
    /// <summary>The messages, in the shape of message events.</summary>
    public IReadOnlyList<MessageInfo> Messages { get; init; } = [];
}

/// <summary>An essence (pinned) message of a group.</summary>
public sealed record EssenceMessage
{
    /// <summary>The message id.</summary>
    public required long MessageId { get; init; }

    /// <summary>Who sent the message.</summary>
    public long SenderId { get; init; }

    /// <summary>The sender's nickname; empty when not reported.</summary>
    public string SenderNick { get; init; } = "";

    /// <summary>When the message was sent, in Unix seconds.</summary>
    public long SenderTime { get; init; }

    /// <summary>Who made it an essence message.</summary>
    public long OperatorId { get; init; }

    /// <summary>That member's nickname; empty when not reported.</summary>
    public string OperatorNick { get; init; } = "";

    /// <summary>When it was made an essence message, in Unix seconds.</summary>
    public long OperatorTime { get; init; }
}

/// <summary>A group's pending invitations and join requests, from <c>GetGroupSystemMessagesAsync</c>.</summary>
public sealed record GroupSystemMessages
{
    /// <summary>Invitations of the bot into groups.</summary>
    public IReadOnlyList<GroupInvitation> InvitedRequests { get; init; } = [];

    /// <summary>Requests of users to join groups the bot manages.</summary>
    public IReadOnlyList<GroupJoinRequest> JoinRequests { get; init; } = [];
}

/// <summary>An invitation of the bot into a group.</summary>
public sealed record GroupInvitation
{
    /// <summary>The request's id.</summary>
    public required long RequestId { get; init; }

    /// <summary>Who invited the bot.</summary>
    public long InvitorUin { get; init; }

    /// <summary>That user's nickname; empty when not reported.</summary>
    public string InvitorNick { get; init; } = "";

    /// <summary>The group.</summary>
    public long GroupId { get; init; }

    /// <summary>The group's name; empty when not reported.</summary>
    public string GroupName { get; init; } = "";

    /// <summary>Whether it has been handled.</summary>
    public bool Checked { get; init; }

    /// <summary>Who handled it; 0 when nobody has.</summary>
    public long Actor { get; init; }
}

/// <summary>A user's request to join a group.</summary>
public sealed record GroupJoinRequest
{
    /// <summary>The request's id.</summary>
    public required long RequestId { get; init; }

    /// <summary>Who asks to join.</summary>
    public long RequesterUin { get; init; }

    /// <summary>That user's nickname; empty when not reported.</summary>
    public string RequesterNick { get; init; } = "";

    /// <summary>What they wrote with the request; empty when nothing.</summary>
    public string Message { get; init; } = "";

    /// <summary>The group.</summary>
    public long GroupId { get; init; }

    /// <summary>The group's name; empty when not reported.</summary>
    public string GroupName { get; init; } = "";

    /// <summary>Whether it has been handled.</summary>
    public bool Checked { get; init; }

    /// <summary>Who handled it; 0 when nobody has.</summary>
    public long Actor { get; init; }
}

/// <summary>The files and folders at one level of a group's file system.</summary>
public sealed record GroupFileList
{
    /// <summary>The files.</summary>
    public IReadOnlyList<GroupFile> Files { get; init; } = [];

    /// <summary>The folders.</summary>
    public IReadOnlyList<GroupFolder> Folders { get; init; } = [];
}

/// <summary>A file in a group's file system.</summary>
public sealed record GroupFile
{
    /// <summary>The file's id.</summary>
    public required string FileId { get; init; }

    /// <summary>The file's name; empty when not reported.</summary>
    public string FileName { get; init; } = "";

    /// <summary>The group.</summary>
    public long GroupId { get; init; }

    /// <summary>The file's kind of storage, needed to download or delete it.</summary>
    public int Busid { get; init; }

    /// <summary>The size in bytes.</summary>
    public long FileSize { get; init; }

    /// <summary>When it was uploaded, in Unix seconds.</summary>
    public long UploadTime { get; init; }

    /// <summary>When it expires, in Unix seconds; 0 for never.</summary>
    public long DeadTime { get; init; }

    /// <summary>When it was last changed, in Unix seconds.</summary>
    public long ModifyTime { get; init; }

    /// <summary>How often it was downloaded.</summary>
    public int DownloadTimes { get; init; }

    /// <summary>Who uploaded it.</summary>
    public long Uploader { get; init; }

    /// <summary>That member's name; empty when not reported.</summary>
    public string UploaderName { get; init; } = "";
}

/// <summary>A folder in a group's file system.</summary>
public sealed record GroupFolder
{
    /// <summary>The folder's id.</summary>
    public required string FolderId { get; init; }

    /// <summary>The folder's name; empty when not reported.</summary>
    public string FolderName { get; init; } = "";

    /// <summary>The group.</summary>
    public long GroupId { get; init; }

    /// <summary>When it was made, in Unix seconds.</summary>
    public long CreateTime { get; init; }

    /// <summary>Who made it.</summary>
    public long Creator { get; init; }

    /// <summary>That member's name; empty when not reported.</summary>
    public string CreatorName { get; init; } = "";

    /// <summary>How many files it holds.</summary>
    public int TotalFileCount { get; init; }
}

/// <summary>Where to download a group file.</summary>
public sealed record GroupFileUrl
{
    /// <summary>The download URL.</summary>
    public required string Url { get; init; }
}
