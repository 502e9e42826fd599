using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CqBot.Data.Sqlite;

/// <summary>
/// A channel's disabled list in its stored form, a JSON array of strings: any name round-trips, newlines
/// and quotes included. One instance writes many lists, reusing its buffer; reading needs no instance.
/// </summary>
internal sealed class DisabledListJson : IDisposable
{
    /// <summary>The stored form of an empty list, and the column's default.</summary>
    public const string Empty = "[]";

    // Non-ASCII names stay readable in the database file; the text is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private Utf8JsonWriter? _writer;

    /// <summary>The stored form of <paramref name="names"/>.</summary>
    public string Write(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return Empty;
        }
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        }
        else
        {
            _writer.Reset(_buffer);
        }
        _writer.WriteStartArray();
        for (var i = 0; i < names.Count; i++)
        {
            _writer.WriteStringValue(names[i]);
        }
        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    /// <summary>Reads a stored list of channel <paramref name="channelId"/>; throws <see cref="InvalidDataException"/> when it is not a JSON array of strings.</summary>
    public static IReadOnlyList<string> Read(long channelId, string stored)
    {
        if (stored.Length == 0 || stored == Empty)
        {
            return [];
        }
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(stored.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(stored, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            var names = new List<string>();
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw NotAList(channelId, null);
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                names.Add(reader.GetString()!);
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw NotAList(channelId, null);
            }
            return names;
        }
        catch (JsonException e)
        {
            throw NotAList(channelId, e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer?.Dispose();

    private static InvalidDataException NotAList(long channelId, Exception? inner) =>
        new($"The disabled list of channel {channelId} in the SQLite database is not a JSON array of strings; fix or clear cqbot_channels.disabled for that row.", inner);
}
