using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.CodeFixes;

/// <summary>
/// CQB2005 (a class declaring commands or handlers) and CQB2201 (a plugin class): the generator adds
/// members to the class, so it must be <c>partial</c>. Adds the modifier to every declaration of the
/// type in the document.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider)), Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "MakePartial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CQB2005", "CQB2201");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
                || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { ContainingType: null } type)
            {
                // A nested type stays wrong when partial: it must move out of its container first.
                continue;
            }
            var declarations = DeclarationsIn(type, root.SyntaxTree, context.CancellationToken);
            if (declarations.IsEmpty)
            {
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create($"Make '{type.Name}' partial", _ => Task.FromResult(Apply(context.Document, root, declarations)), EquivalenceKey),
                diagnostic);
        }
    }

    private static ImmutableArray<TypeDeclarationSyntax> DeclarationsIn(INamedTypeSymbol type, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<TypeDeclarationSyntax>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree
                && reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax
                && !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                builder.Add(syntax);
            }
        }
        return builder.ToImmutable();
    }

    private static Document Apply(Document document, SyntaxNode root, ImmutableArray<TypeDeclarationSyntax> declarations) =>
        document.WithSyntaxRoot(root.ReplaceNodes(declarations, (_, declaration) => AddPartial(declaration)));

    // `partial` goes last among the modifiers, right before the keyword; with no modifiers it takes the keyword's leading trivia.
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count > 0)
        {
            var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }
        var keyword = declaration.Keyword;
        var first = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration
            .ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(first));
    }
}
