using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CqBot.Generators.Model;

/// <summary>
/// A source position kept as plain values (file path and spans instead of a Location) so it can
/// cross a pipeline step without holding on to syntax trees.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || !location.IsInSource)
        {
            return null;
        }
        var lineSpan = location.GetLineSpan();
        return new LocationInfo(lineSpan.Path, location.SourceSpan, lineSpan.Span);
    }

    /// <summary>The span of a node, as its location would report it.</summary>
    public static LocationInfo From(SyntaxNode node) => From(node.SyntaxTree, node.Span);

    /// <summary>The span of a token, as its location would report it.</summary>
    public static LocationInfo? From(SyntaxToken token) => token.SyntaxTree is { } tree ? From(tree, token.Span) : null;

    private static LocationInfo From(SyntaxTree tree, TextSpan span) => new(tree.FilePath, span, tree.GetLineSpan(span).Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic kept as plain values.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>What a code fix needs to know, as keys and values taking turns; empty for most diagnostics.</summary>
    public EquatableArray<string> Properties { get; init; }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(location), new EquatableArray<string>(arguments));

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
    {
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }
        ImmutableDictionary<string, string?>? properties = null;
        if (Properties.Count > 0)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            for (var i = 0; i + 1 < Properties.Count; i += 2)
            {
                builder[Properties[i]] = Properties[i + 1];
            }
            properties = builder.ToImmutable();
        }
        return Diagnostic.Create(GeneratorDiagnostics.Find(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, properties, arguments);
    }
}

/// <summary>The names a command claims, with where it is declared, for the duplicate-name check across commands.</summary>
internal sealed record CommandIdentity(string Name, EquatableArray<string> Aliases, string Owner, LocationInfo? Location);
