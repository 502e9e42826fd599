namespace CqBot.Testing;

/// <summary>How the fake implementation answers an API call.</summary>
public sealed class ApiReply
{
    private ApiReply(ApiReplyKind kind, string dataJson, long retCode, string? wording, int httpStatus)
    {
        Kind = kind;
        DataJson = dataJson;
        RetCode = retCode;
        Wording = wording;
        HttpStatus = httpStatus;
    }

    /// <summary>What sort of answer this is.</summary>
    public ApiReplyKind Kind { get; }

    /// <summary>The <c>data</c> JSON of a successful answer.</summary>
    public string DataJson { get; }

    /// <summary>The retcode of a failed answer.</summary>
    public long RetCode { get; }

    /// <summary>The <c>wording</c> of a failed answer.</summary>
    public string? Wording { get; }

    /// <summary>The HTTP status of an <see cref="ApiReplyKind.HttpStatus"/> answer.</summary>
    public int HttpStatus { get; }

    /// <summary><c>status: ok</c> with <paramref name="dataJson"/> as data (a message id unless given).</summary>
    public static ApiReply Ok(string dataJson = """{"message_id":1}""") => new(ApiReplyKind.Ok, dataJson, 0, null, 200);

    /// <summary><c>status: failed</c> with a retcode and an explanation.</summary>
    public static ApiReply Failed(long retCode, string? wording = null) => new(ApiReplyKind.Failed, "null", retCode, wording, 200);

    /// <summary>Over HTTP, this status with no body; over a WebSocket, no answer.</summary>
    public static ApiReply Status(int httpStatus) => new(ApiReplyKind.HttpStatus, "null", 0, null, httpStatus);

    /// <summary>No answer at all: the call waits until the bot gives up.</summary>
    public static ApiReply None { get; } = new(ApiReplyKind.None, "null", 0, null, 0);

    /// <summary>Drops the connection the call came on instead of answering.</summary>
    public static ApiReply Disconnect { get; } = new(ApiReplyKind.Disconnect, "null", 0, null, 0);
}

/// <summary>The sorts of <see cref="ApiReply"/>.</summary>
public enum ApiReplyKind
{
    /// <summary>A successful envelope.</summary>
    Ok,

    /// <summary>A failed envelope.</summary>
    Failed,

    /// <summary>An HTTP status without an envelope.</summary>
    HttpStatus,

    /// <summary>No answer.</summary>
    None,

    /// <summary>The connection is dropped.</summary>
    Disconnect,
}
