using System.Buffers;
using CqBot.Messaging;

namespace CqBot;

/// <summary>
/// The escaping rules of OneBot's string message format (CQ code), for code that handles raw string
/// messages; <see cref="Message.FromCqCode(string)"/> and <see cref="Message.ToCqCode"/> apply them for you.
/// </summary>
/// <remarks>
/// Outside codes, <c>&amp;</c>, <c>[</c> and <c>]</c> are written as <c>&amp;amp;</c>, <c>&amp;#91;</c> and
/// <c>&amp;#93;</c>; inside parameter values <c>,</c> is also written as <c>&amp;#44;</c>. No other entity
/// (such as <c>&amp;lt;</c>) means anything in CQ code.
/// </remarks>
public static class CqCode
{
    private const int StackLimit = 256;

    /// <summary>The characters escaped in text outside CQ codes.</summary>
    internal static readonly SearchValues<char> TextSpecials = SearchValues.Create("&[]");

    /// <summary>The characters escaped inside parameter values.</summary>
    internal static readonly SearchValues<char> ValueSpecials = SearchValues.Create("&[],");

    /// <summary>
    /// Escapes plain text so that it reads back as that text: <c>&amp;</c>, <c>[</c> and <c>]</c> (commas stay as they are).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text (the same instance when nothing needed escaping).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escape(text, TextSpecials);
    }

    /// <summary>Escapes a parameter value for use inside a CQ code: <c>&amp;</c>, <c>[</c>, <c>]</c> and <c>,</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped value (the same instance when nothing needed escaping).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string EscapeParameterValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Escape(value, ValueSpecials);
    }

    /// <summary>
    /// Unescapes text or a parameter value: <c>&amp;#44;</c>, <c>&amp;#91;</c>, <c>&amp;#93;</c> and <c>&amp;amp;</c>; any
    /// other <c>&amp;</c> stays as it is. <c>&amp;amp;#91;</c> gives <c>&amp;#91;</c>, as in every reference implementation.
    /// </summary>
    /// <param name="text">The escaped text.</param>
    /// <returns>The unescaped text (the same instance when it held no <c>&amp;</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('&') ? Unescape(text.AsSpan()) : text;
    }

    /// <summary>Unescapes a span into a new string.</summary>
    internal static string Unescape(ReadOnlySpan<char> text)
    {
        var first = text.IndexOf('&');
        if (first < 0)
        {
            return new string(text);
        }

        // Unescaping only shrinks the text, so its length bounds the result.
        char[]? rented = null;
        var buffer = text.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var length = UnescapeInto(text, first, buffer);
        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    // A single left-to-right pass. The entities start with the only '&' they contain and decode to
    // characters that no entity contains, so this equals the reference order (&#44; &#91; &#93; first,
    // &amp; last) of CQHTTP, nonebot, go-cqhttp and koishi.
    private static int UnescapeInto(ReadOnlySpan<char> text, int ampersand, Span<char> destination)
    {
        text[..ampersand].CopyTo(destination);
        var written = ampersand;
        var position = ampersand;
        while (true)
        {
            var rest = text[position..];
            char decoded;
            int consumed;
            if (rest.StartsWith("&amp;"))
            {
                (decoded, consumed) = ('&', 5);
            }
            else if (rest.StartsWith("&#44;"))
            {
                (decoded, consumed) = (',', 5);
            }
            else if (rest.StartsWith("&#91;"))
            {
                (decoded, consumed) = ('[', 5);
            }
            else if (rest.StartsWith("&#93;"))
            {
                (decoded, consumed) = (']', 5);
            }
            else
            {
                (decoded, consumed) = ('&', 1);
            }

            destination[written++] = decoded;
            position += consumed;

            var next = text[position..].IndexOf('&');
            var run = next < 0 ? text[position..] : text.Slice(position, next);
            run.CopyTo(destination[written..]);
            written += run.Length;
            if (next < 0)
            {
                return written;
            }

            position += next;
        }
    }

    private static string Escape(string text, SearchValues<char> specials)
    {
        if (!text.AsSpan().ContainsAny(specials))
        {
            return text;
        }

        var writer = new CqCodeWriter(stackalloc char[StackLimit]);
        try
        {
            writer.AppendEscaped(text, specials);
            return writer.ToString();
        }
        finally
        {
            writer.Dispose();
        }
    }
}
