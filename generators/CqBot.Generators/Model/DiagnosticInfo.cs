using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CqBot.Generators.Model;

/// <summary>
/// A source position kept as plain values (file path and spans instead of a Location) so it can
/// cross a pipeline step without holding on to syntax trees.
/// </summary>
/// <param name="ValueOffset">
/// For a string literal on one line whose text is its value between the quotes (no escapes): how far
/// the value starts after the literal, so that a part of the value can be pointed at; otherwise -1.
/// </param>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan, int ValueOffset = -1)
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

    /// <summary>
    /// The span of an attribute argument; for a plain string literal, with the offset of its value, so
    /// that <see cref="Within"/> can point into the string.
    /// </summary>
    public static LocationInfo FromStringArgument(ExpressionSyntax expression)
    {
        var location = From(expression);
        if (expression is not LiteralExpressionSyntax { Token: var token } || !token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
        {
            return location;
        }
        var text = token.Text;
        var value = token.ValueText;
        var quotes = 0;
        while (quotes < text.Length && text[quotes] == '"')
        {
            quotes++;
        }
        var offset = text.StartsWith("@\"", System.StringComparison.Ordinal) ? 2 : token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) ? quotes : 1;
        var suffix = token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) ? quotes : 1;
        if (text.Length != offset + value.Length + suffix
            || string.CompareOrdinal(text, offset, value, 0, value.Length) != 0
            || location.LineSpan.Start.Line != location.LineSpan.End.Line)
        {
            return location;
        }
        return location with { ValueOffset = offset };
    }

    /// <summary>
    /// The part of a string literal's value from <paramref name="start"/>, <paramref name="length"/>
    /// characters long; the whole literal when its value cannot be mapped onto its text.
    /// </summary>
    public LocationInfo Within(int start, int length)
    {
        if (ValueOffset < 0 || start < 0)
        {
            return this;
        }
        var position = Span.Start + ValueOffset + start;
        var character = LineSpan.Start.Character + ValueOffset + start;
        return new LocationInfo(
            FilePath,
            new TextSpan(position, length),
            new LinePositionSpan(new LinePosition(LineSpan.Start.Line, character), new LinePosition(LineSpan.Start.Line, character + length)));
    }
}

/// <summary>A diagnostic kept as plain values.</summary>
/// <param name="Suggestion">
/// The name a "did you mean" message proposes, or null; it goes into the diagnostic's properties under
/// <see cref="SuggestionKey"/>, where a code fix reads it.
/// </param>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments, string? Suggestion = null)
{
    public const string SuggestionKey = "Suggestion";

    /// <summary>What a code fix needs to know, as keys and values taking turns; empty for most diagnostics.</summary>
    public EquatableArray<string> Properties { get; init; }

    public static DiagnosticInfo Create(string id, Location? location, params string[] arguments) =>
        new(id, LocationInfo.From(location), new EquatableArray<string>(arguments));

    public static DiagnosticInfo Create(string id, LocationInfo? location, params string[] arguments) =>
        new(id, location, new EquatableArray<string>(arguments));

    /// <summary>The diagnostic of <paramref name="descriptor"/> (whose id is <see cref="Id"/>) at <paramref name="location"/>.</summary>
    public Diagnostic ToDiagnostic(DiagnosticDescriptor descriptor, Location location)
    {
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }
        ImmutableDictionary<string, string?>? properties = null;
        if (Properties.Count > 0 || Suggestion is not null)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            for (var i = 0; i + 1 < Properties.Count; i += 2)
            {
                builder[Properties[i]] = Properties[i + 1];
            }
            if (Suggestion is not null)
            {
                builder[SuggestionKey] = Suggestion;
            }
            properties = builder.ToImmutable();
        }
        return Diagnostic.Create(descriptor, location, properties, arguments);
    }
}

/// <summary>The names a command claims, with where it is declared, for the duplicate-name check across commands.</summary>
internal sealed record CommandIdentity(string Name, EquatableArray<string> Aliases, string Owner, LocationInfo? Location);
