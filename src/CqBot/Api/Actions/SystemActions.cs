namespace CqBot;

/// <summary>Files, capabilities, status and upkeep of the implementation itself: the remaining actions of OneBot v11.</summary>
public static partial class SystemActions
{
    /// <summary>Converts a received voice message to a file (<c>get_record</c>); usually needs ffmpeg on the implementation's machine.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="file">The <c>file</c> of a received <c>record</c> segment (<c>file</c>).</param>
    /// <param name="outFormat">The format to convert to: <c>mp3</c>, <c>amr</c>, <c>wma</c>, <c>m4a</c>, <c>spx</c>, <c>ogg</c>, <c>wav</c> or <c>flac</c> (<c>out_format</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Where the converted file is.</returns>
    [OneBotAction("get_record")]
    public static partial Task<RecordFile> GetRecordAsync(this IBot bot, string file, string outFormat, CancellationToken cancellationToken = default);

    /// <summary>Downloads a received image (<c>get_image</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="file">The <c>file</c> of a received <c>image</c> segment (<c>file</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Where the image is.</returns>
    [OneBotAction("get_image")]
    public static partial Task<ImageFile> GetImageAsync(this IBot bot, string file, CancellationToken cancellationToken = default);

    /// <summary>Asks whether the implementation can send images (<c>can_send_image</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The answer.</returns>
    [OneBotAction("can_send_image")]
    public static partial Task<CanSendAnswer> CanSendImageAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Asks whether the implementation can send voice messages (<c>can_send_record</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The answer.</returns>
    [OneBotAction("can_send_record")]
    public static partial Task<CanSendAnswer> CanSendRecordAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Reads the implementation's status (<c>get_status</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>Whether the account is online and everything works.</returns>
    [OneBotAction("get_status")]
    public static partial Task<BotStatus> GetStatusAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Reads which implementation the bot talks to (<c>get_version_info</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The implementation's name and version.</returns>
    [OneBotAction("get_version_info")]
    public static partial Task<VersionInfo> GetVersionInfoAsync(this IBot bot, CancellationToken cancellationToken = default);

    /// <summary>Restarts the implementation (<c>set_restart</c>); it answers before restarting.</summary>
    /// <param name="bot">The account.</param>
    /// <param name="delay">How long to wait before restarting, in milliseconds (<c>delay</c>).</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("set_restart")]
    public static partial Task SetRestartAsync(this IBot bot, int delay = 0, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);

    /// <summary>Empties the implementation's cache directory (<c>clean_cache</c>).</summary>
    /// <param name="bot">The account.</param>
    /// <param name="mode">Run at once, or queued (<c>_async</c>, <c>_rate_limited</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    [OneBotAction("clean_cache")]
    public static partial Task CleanCacheAsync(this IBot bot, ApiCallMode mode = ApiCallMode.Immediate, CancellationToken cancellationToken = default);
}
