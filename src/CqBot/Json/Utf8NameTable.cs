using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace CqBot.Json;

/// <summary>
/// A fixed, read-only map from short ASCII names to values, looked up by UTF-8 bytes without allocating.
/// Built once at start-up.
/// </summary>
/// <remarks>
/// <para>
/// Property names and well-known values are matched for every field of every event, so a lookup is
/// a handful of integer operations: a name of up to 16 bytes is fully described by its length and two
/// overlapping 64-bit reads (its first and last eight bytes; shorter names fold into one), which are
/// both the hash and the comparison. Longer names are confirmed byte by byte.
/// </para>
/// </remarks>
internal sealed class Utf8NameTable<T>
{
    private const int FingerprintLength = 16;

    private readonly Entry[] _entries;
    private readonly int _mask;

    public Utf8NameTable(ReadOnlySpan<(string Name, T Value)> entries)
    {
        var size = 16;
        while (size < entries.Length * 4)
        {
            size <<= 1;
        }
        _entries = new Entry[size];
        _mask = size - 1;
        foreach (var (name, value) in entries)
        {
            var key = Encoding.UTF8.GetBytes(name);
            if (key.Length == 0)
            {
                throw new ArgumentException("A name must not be empty.", nameof(entries));
            }
            var (first, last) = Fingerprint(key);
            var slot = Hash(first, last, key.Length) & _mask;
            while (_entries[slot].Key is { } existing)
            {
                if (existing.AsSpan().SequenceEqual(key))
                {
                    throw new ArgumentException($"'{name}' is listed twice.", nameof(entries));
                }
                slot = (slot + 1) & _mask;
            }
            _entries[slot] = new Entry(first, last, key, value);
        }
    }

    public bool TryGetValue(ReadOnlySpan<byte> utf8, out T value)
    {
        if (utf8.Length > 0)
        {
            var (first, last) = Fingerprint(utf8);
            var slot = Hash(first, last, utf8.Length) & _mask;
            while (true)
            {
                ref readonly var entry = ref _entries[slot];
                if (entry.Key is not { } key)
                {
                    break;
                }
                if (entry.First == first && entry.Last == last && key.Length == utf8.Length
                    && (utf8.Length <= FingerprintLength || utf8.SequenceEqual(key)))
                {
                    value = entry.Value;
                    return true;
                }
                slot = (slot + 1) & _mask;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>Looks up a name given as UTF-16; only ASCII names can match.</summary>
    public bool TryGetValue(ReadOnlySpan<char> name, out T value)
    {
        var length = name.Length;
        if (length is > 0 and <= FingerprintLength)
        {
            // The fingerprint of the name's UTF-8 bytes, taken straight from the characters.
            var ascii = length >= 8 ? TryPack8(name[..8], out var first) & TryPack8(name[(length - 8)..], out var last)
                : length >= 4 ? TryPack4(name[..4], out first) & TryPack4(name[(length - 4)..], out last)
                : TryPack3(name, out first, out last);
            if (ascii)
            {
                var slot = Hash(first, last, length) & _mask;
                while (_entries[slot].Key is { } key)
                {
                    ref readonly var entry = ref _entries[slot];
                    if (entry.First == first && entry.Last == last && key.Length == length)
                    {
                        value = entry.Value;
                        return true;
                    }
                    slot = (slot + 1) & _mask;
                }
            }
        }
        else if (length > FingerprintLength && length <= 4 * FingerprintLength && Ascii.IsValid(name))
        {
            Span<byte> utf8 = stackalloc byte[length];
            Ascii.FromUtf16(name, utf8, out _);
            return TryGetValue(utf8, out value);
        }
        value = default!;
        return false;
    }

    /// <summary>Two numbers that, with the length, identify a name of up to 16 bytes exactly.</summary>
    private static (ulong First, ulong Last) Fingerprint(ReadOnlySpan<byte> utf8)
    {
        var length = utf8.Length;
        if (length >= 8)
        {
            return (BinaryPrimitives.ReadUInt64LittleEndian(utf8), BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length - 8)..]));
        }
        if (length >= 4)
        {
            return (BinaryPrimitives.ReadUInt32LittleEndian(utf8), BinaryPrimitives.ReadUInt32LittleEndian(utf8[(length - 4)..]));
        }
        return (utf8[0] | ((ulong)utf8[length >> 1] << 8) | ((ulong)utf8[length - 1] << 16), 0);
    }

    /// <summary>Eight characters as the number their ASCII bytes make, read little-endian; false when one is not ASCII.</summary>
    private static bool TryPack8(ReadOnlySpan<char> chars, out ulong packed)
    {
        var wide = Vector128.Create(MemoryMarshal.Cast<char, ushort>(chars));
        packed = Vector128.Narrow(wide, wide).AsUInt64().ToScalar();
        return (wide & Vector128.Create((ushort)0xFF80)) == Vector128<ushort>.Zero;
    }

    /// <summary>Four characters as the number their ASCII bytes make; false when one is not ASCII.</summary>
    private static bool TryPack4(ReadOnlySpan<char> chars, out ulong packed)
    {
        packed = chars[0] | ((ulong)chars[1] << 8) | ((ulong)chars[2] << 16) | ((ulong)chars[3] << 24);
        return (chars[0] | chars[1] | chars[2] | chars[3]) < 0x80;
    }

    /// <summary>One to three characters as <see cref="Fingerprint"/> makes of their ASCII bytes; false when one is not ASCII.</summary>
    private static bool TryPack3(ReadOnlySpan<char> chars, out ulong first, out ulong last)
    {
        var length = chars.Length;
        first = chars[0] | ((ulong)chars[length >> 1] << 8) | ((ulong)chars[length - 1] << 16);
        last = 0;
        return (chars[0] | chars[length >> 1] | chars[length - 1]) < 0x80;
    }

    private static int Hash(ulong first, ulong last, int length) =>
        (int)(((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)length) >> 40);

    private readonly record struct Entry(ulong First, ulong Last, byte[]? Key, T Value);
}
