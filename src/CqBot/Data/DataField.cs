using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CqBot;

/// <summary>
/// A typed field that a plugin keeps on users or channels, stored as text beside the core columns (no
/// schema change). Declare it once, as a static field, and ask for it before the user or channel is
/// attached (<see cref="IEventRoutes.OnBeforeAttachUser"/>): only fields asked for are loaded.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <example><code>
/// public static readonly DataField&lt;int&gt; Rolls = DataField.Int32("dice.rolls");
/// </code></example>
public sealed class DataField<T>
{
    private readonly Func<T, string> _write;
    private readonly Func<string, T> _read;

    /// <summary>
    /// Creates a field stored with the given conversions. Prefer the factories on <see cref="DataField"/>.
    /// </summary>
    /// <param name="name">Unique across plugins: prefix it with the plugin's name, as <c>dice.rolls</c>.</param>
    /// <param name="defaultValue">The value of a user or channel that never had the field written.</param>
    /// <param name="write">Turns a value into its stored text.</param>
    /// <param name="read">Reads stored text back; may throw on text it does not understand.</param>
    public DataField(string name, T defaultValue, Func<T, string> write, Func<string, T> read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, DataField.MaxNameLength, nameof(name));
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(read);
        Name = name;
        DefaultValue = defaultValue;
        _write = write;
        _read = read;
    }

    /// <summary>The field's name, as stored.</summary>
    public string Name { get; }

    /// <summary>The value of a user or channel that never had the field written.</summary>
    public T DefaultValue { get; }

    internal string Write(T value) => _write(value);

    // Stored text this build cannot read (a field that changed type) reads as the default, not as a failed message.
    internal T Read(string? text)
    {
        if (text is null)
        {
            return DefaultValue;
        }
        try
        {
            return _read(text);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or OverflowException or InvalidOperationException)
        {
            return DefaultValue;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Creates <see cref="DataField{T}"/>s for common types.</summary>
public static class DataField
{
    /// <summary>The longest field name a store keeps.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A 32-bit integer field.</summary>
    public static DataField<int> Int32(string name, int defaultValue = 0) =>
        new(name, defaultValue, static value => value.ToString(CultureInfo.InvariantCulture), static text => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>A 64-bit integer field.</summary>
    public static DataField<long> Int64(string name, long defaultValue = 0) =>
        new(name, defaultValue, static value => value.ToString(CultureInfo.InvariantCulture), static text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>A floating-point field.</summary>
    public static DataField<double> Double(string name, double defaultValue = 0) =>
        new(name, defaultValue, static value => value.ToString("R", CultureInfo.InvariantCulture), static text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>A true/false field.</summary>
    public static DataField<bool> Boolean(string name, bool defaultValue = false) =>
        new(name, defaultValue, static value => value ? "true" : "false", static text => bool.Parse(text));

    /// <summary>A text field.</summary>
    public static DataField<string> String(string name, string defaultValue = "") =>
        new(name, defaultValue, static value => value, static text => text);

    /// <summary>A point in time, stored in round-trip form.</summary>
    public static DataField<DateTimeOffset> Time(string name, DateTimeOffset defaultValue = default) =>
        new(name, defaultValue, static value => value.ToString("O", CultureInfo.InvariantCulture), static text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    /// <summary>
    /// A field of any type, stored as JSON through a source-generated <paramref name="typeInfo"/>
    /// (<c>MyJsonContext.Default.MyType</c>), so it works under Native AOT.
    /// </summary>
    public static DataField<T> Json<T>(string name, JsonTypeInfo<T> typeInfo, T defaultValue)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new(name, defaultValue, value => JsonSerializer.Serialize(value, typeInfo), text => JsonSerializer.Deserialize(text, typeInfo)!);
    }
}
