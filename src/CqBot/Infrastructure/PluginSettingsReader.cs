using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CqBot.Infrastructure;

/// <summary>
/// Reads plugin settings from configuration, one typed value at a time, for the settings binder the
/// generator writes. Each method returns false when the key is not configured and throws
/// <see cref="PluginSettingsException"/>, naming the setting, when its value is not of the type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PluginSettingsReader
{
    /// <summary>Reads text.</summary>
    public static bool TryRead(IConfiguration section, string key, out string value)
    {
        value = section[key]!;
        return value is not null;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool TryRead(IConfiguration section, string key, out bool value)
    {
        value = false;
        return Text(section, key) is { } text && (bool.TryParse(text, out value) ? true : throw Invalid(section, key, text, "true or false"));
    }

    /// <summary>Reads a whole number that fits an <see cref="int"/>.</summary>
    public static bool TryRead(IConfiguration section, string key, out int value)
    {
        value = 0;
        return Text(section, key) is { } text && (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) ? true : throw Invalid(section, key, text, "a whole number"));
    }

    /// <summary>Reads a whole number.</summary>
    public static bool TryRead(IConfiguration section, string key, out long value)
    {
        value = 0;
        return Text(section, key) is { } text && (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) ? true : throw Invalid(section, key, text, "a whole number"));
    }

    /// <summary>Reads a number.</summary>
    public static bool TryRead(IConfiguration section, string key, out double value)
    {
        value = 0;
        return Text(section, key) is { } text
            && ((double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) ? true : throw Invalid(section, key, text, "a number"));
    }

    /// <summary>Reads a duration: seconds (<c>5</c>, <c>0.5</c>) or <c>hh:mm:ss</c>.</summary>
    public static bool TryRead(IConfiguration section, string key, out TimeSpan value)
    {
        value = default;
        if (Text(section, key) is not { } text)
        {
            return false;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 1e9)
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) ? true : throw Invalid(section, key, text, "a duration: seconds (5, 0.5) or hh:mm:ss");
    }

    /// <summary>Reads an absolute URL.</summary>
    public static bool TryRead(IConfiguration section, string key, out Uri value)
    {
        value = null!;
        return Text(section, key) is { } text && (Uri.TryCreate(text, UriKind.Absolute, out value!) ? true : throw Invalid(section, key, text, "an absolute URL"));
    }

    /// <summary>Reads a list of text: a single value, or the values of <c>key:0</c>, <c>key:1</c>, ….</summary>
    public static bool TryRead(IConfiguration section, string key, out string[] value)
    {
        var items = new List<string>();
        var child = section.GetSection(key);
        if (child.Value is { Length: > 0 } single)
        {
            items.Add(single);
        }
        foreach (var item in child.GetChildren())
        {
            if (item.Value is { } text)
            {
                items.Add(text);
            }
        }
        value = [.. items];
        return items.Count > 0;
    }

    /// <summary>Reads a list of whole numbers (QQ numbers, group numbers).</summary>
    public static bool TryRead(IConfiguration section, string key, out long[] value)
    {
        value = [];
        if (!TryRead(section, key, out string[] texts))
        {
            return false;
        }
        value = new long[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            if (!long.TryParse(texts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out value[i]))
            {
                throw Invalid(section, key, texts[i], "a list of whole numbers");
            }
        }
        return true;
    }

    /// <summary>Reads one of the names of <typeparamref name="TEnum"/> (any case).</summary>
    public static bool TryReadEnum<TEnum>(IConfiguration section, string key, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (Text(section, key) is not { } text)
        {
            return false;
        }
        if (Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value))
        {
            return true;
        }
        throw Invalid(section, key, text, "one of " + string.Join(", ", Enum.GetNames<TEnum>()));
    }

    private static string? Text(IConfiguration section, string key) => section[key] is { Length: > 0 } text ? text : null;

    private static PluginSettingsException Invalid(IConfiguration section, string key, string text, string expected)
    {
        var path = section is IConfigurationSection named ? named.Path + ":" + key : key;
        return new PluginSettingsException($"The setting '{path}' is '{text}', which is not {expected}.");
    }
}
