using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators;

/// <summary>
/// The CqBot and BCL types the generators recognise, resolved once per compilation with
/// <see cref="Compilation.GetTypeByMetadataName"/> and compared by symbol identity. A member is null when
/// the compilation does not reference the type (or references two of it), so nothing compares equal to it.
/// </summary>
/// <remarks>
/// Transforms look the cache up from the compilation they are given; it holds symbols, so it must never
/// be part of a pipeline model. The table holds the compilation weakly: the cache dies with it.
/// </remarks>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> s_cache = new();

    private WellKnownTypes(Compilation compilation)
    {
        Session = compilation.GetTypeByMetadataName("CqBot.Session");
        CommandContext = compilation.GetTypeByMetadataName("CqBot.CommandContext");
        Bot = compilation.GetTypeByMetadataName("CqBot.IBot");
        Event = compilation.GetTypeByMetadataName("CqBot.Event");
        Message = compilation.GetTypeByMetadataName("CqBot.Message");
        QuickOperation = compilation.GetTypeByMetadataName("CqBot.QuickOperation");
        Next = compilation.GetTypeByMetadataName("CqBot.Next");
        Segment = compilation.GetTypeByMetadataName("CqBot.Segment");
        ApiCallMode = compilation.GetTypeByMetadataName("CqBot.ApiCallMode");
        OptionAttribute = compilation.GetTypeByMetadataName("CqBot.OptionAttribute");
        ShortcutAttribute = compilation.GetTypeByMetadataName("CqBot.ShortcutAttribute");
        CheckAttribute = compilation.GetTypeByMetadataName("CqBot.CheckAttribute");
        OneBotActionAttribute = compilation.GetTypeByMetadataName("CqBot.OneBotActionAttribute");
        ParameterAttribute = compilation.GetTypeByMetadataName("CqBot.ParameterAttribute");
        BotPlugin = compilation.GetTypeByMetadataName("CqBot.BotPlugin");
        BotPluginOfSettings = compilation.GetTypeByMetadataName("CqBot.BotPlugin`1");
        BotApplication = compilation.GetTypeByMetadataName("CqBot.Hosting.BotApplication");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfResult = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfResult = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        Parsable = compilation.GetTypeByMetadataName("System.IParsable`1");
        ReadOnlyList = compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
        JsonElement = compilation.GetTypeByMetadataName("System.Text.Json.JsonElement");
        JsonStringEnumMemberNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute");
    }

    /// <summary>The types of <paramref name="compilation"/>, resolved on first use.</summary>
    public static WellKnownTypes From(Compilation compilation) => s_cache.GetValue(compilation, static c => new WellKnownTypes(c));

    public INamedTypeSymbol? Session { get; }

    public INamedTypeSymbol? CommandContext { get; }

    public INamedTypeSymbol? Bot { get; }

    public INamedTypeSymbol? Event { get; }

    public INamedTypeSymbol? Message { get; }

    public INamedTypeSymbol? QuickOperation { get; }

    public INamedTypeSymbol? Next { get; }

    public INamedTypeSymbol? Segment { get; }

    public INamedTypeSymbol? ApiCallMode { get; }

    public INamedTypeSymbol? OptionAttribute { get; }

    public INamedTypeSymbol? ShortcutAttribute { get; }

    public INamedTypeSymbol? CheckAttribute { get; }

    public INamedTypeSymbol? OneBotActionAttribute { get; }

    public INamedTypeSymbol? ParameterAttribute { get; }

    public INamedTypeSymbol? BotPlugin { get; }

    /// <summary><c>BotPlugin&lt;TSettings&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? BotPluginOfSettings { get; }

    public INamedTypeSymbol? BotApplication { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    /// <summary><c>Task&lt;TResult&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? TaskOfResult { get; }

    public INamedTypeSymbol? ValueTask { get; }

    /// <summary><c>ValueTask&lt;TResult&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? ValueTaskOfResult { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? Uri { get; }

    /// <summary><c>IParsable&lt;TSelf&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? Parsable { get; }

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>, unconstructed.</summary>
    public INamedTypeSymbol? ReadOnlyList { get; }

    public INamedTypeSymbol? JsonElement { get; }

    public INamedTypeSymbol? JsonStringEnumMemberNameAttribute { get; }

    /// <summary>True when <paramref name="symbol"/> is <paramref name="known"/>; false when either is null.</summary>
    public static bool Is(ISymbol? symbol, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);

    /// <summary>True when the generic definition of <paramref name="type"/> is <paramref name="definition"/>.</summary>
    public static bool IsConstructedFrom(ITypeSymbol? type, INamedTypeSymbol? definition) =>
        definition is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);
}
