using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CqBot.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.CodeFixes;

/// <summary>
/// CQB2002 (<c>&lt;sides:nubmer&gt;</c>): replaces the misspelled type inside the declaration or option
/// string with the one the diagnostic suggests. Offered only where the diagnostic points at the type
/// itself (a plain literal), and only when a type was near enough to suggest.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedTypeCodeFixProvider)), Shared]
public sealed class UseSuggestedTypeCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "UseSuggestedType";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CQB2002");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }
        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Properties.TryGetValue(NearestName.SuggestionKey, out var suggestion) || suggestion is null
                || root.FindToken(span.Start).Parent is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }
            // The span covers the type inside the token's own text: replace those characters only.
            var token = literal.Token;
            var start = span.Start - token.SpanStart;
            if (start <= 0 || span.End >= token.Span.End)
            {
                continue;
            }
            var text = token.Text.Substring(0, start) + suggestion + token.Text.Substring(start + span.Length);
            if (SyntaxFactory.ParseExpression(text) is not LiteralExpressionSyntax replacement || replacement.ContainsDiagnostics)
            {
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create($"Use type '{suggestion}'", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement.WithTriviaFrom(literal)))), EquivalenceKey),
                diagnostic);
        }
    }
}
