using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>Reads named arguments of an attribute application.</summary>
internal static class AttributeArguments
{
    public static string? ReadString(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name)
            {
                return named.Value.Value as string;
            }
        }
        return null;
    }

    public static bool ReadBool(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is bool value)
            {
                return value;
            }
        }
        return false;
    }

    public static int ReadInt(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is int value)
            {
                return value;
            }
        }
        return 0;
    }

    public static string[] ReadStrings(AttributeData attribute, string name)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == name && !named.Value.IsNull)
            {
                var values = new List<string>();
                foreach (var value in named.Value.Values)
                {
                    if (value.Value is string text)
                    {
                        values.Add(text);
                    }
                }
                return values.ToArray();
            }
        }
        return System.Array.Empty<string>();
    }
}
