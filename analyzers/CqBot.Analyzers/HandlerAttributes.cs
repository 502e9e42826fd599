using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CqBot.Analyzers;

/// <summary>The attributes that make a method something the bot runs for an event: commands, checks, handlers, middleware.</summary>
internal static class HandlerAttributes
{
    private static readonly string[] s_names =
    [
        "CqBot.CommandAttribute", "CqBot.CheckAttribute", "CqBot.OnMessageAttribute", "CqBot.OnNoticeAttribute",
        "CqBot.OnRequestAttribute", "CqBot.OnMetaEventAttribute", "CqBot.MiddlewareAttribute",
    ];

    /// <summary>Those of the attributes the compilation has; empty when it does not reference CqBot.</summary>
    public static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in s_names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>The first of <paramref name="attributes"/> that <paramref name="method"/> carries, or null.</summary>
    public static INamedTypeSymbol? Find(IMethodSymbol method, ImmutableArray<INamedTypeSymbol> attributes)
    {
        foreach (var attribute in method.GetAttributes())
        {
            foreach (var known in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known))
                {
                    return known;
                }
            }
        }
        return null;
    }
}
