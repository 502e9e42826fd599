using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CqBot.Analyzers;

namespace CqBot.CodeFixes;

/// <summary>
/// CQB2015 (<c>[Check("kcik")]</c>) and CQB2104 (<c>[OnNotice("group_increse")]</c>): replaces the
/// misspelled name with the one the diagnostic suggests. No fix when nothing was near enough to suggest.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedNameCodeFixProvider)), Shared]
public sealed class UseSuggestedNameCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "UseSuggestedName";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CQB2015", "CQB2104");

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
            if (!diagnostic.Properties.TryGetValue(NearestName.SuggestionKey, out var suggestion) || suggestion is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeArgumentSyntax>() is not
                    { Expression: LiteralExpressionSyntax literal } || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }
            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create($"Use '{suggestion}'", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))), EquivalenceKey),
                diagnostic);
        }
    }
}
