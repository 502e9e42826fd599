namespace CqBot;

/// <summary>A file uploaded to a group, as reported by <see cref="GroupUploadNotice"/>.</summary>
public sealed class GroupFileInfo
{
    /// <summary>The file id, for the group file APIs (such as <c>get_group_file_url</c>).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The file name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>The file's bus id, which the group file APIs need together with <see cref="Id"/>.</summary>
    public long BusId { get; init; }
}

/// <summary>A file a friend sent to the bot directly, as reported by <see cref="OfflineFileNotice"/>.</summary>
public sealed class OfflineFileInfo
{
    /// <summary>The file name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Where to download it; empty when not reported.</summary>
    public string Url { get; init; } = string.Empty;
}
