using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CqBot.CodeFixes;

/// <summary>
/// CQB1001/CQB1002: <c>next();</c> or <c>await next();</c> as a statement becomes
/// <c>return next();</c> or <c>return await next();</c>. A <c>return null;</c> right after it, which
/// would now be unreachable, goes too.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnNextCodeFixProvider)), Shared]
public sealed class ReturnNextCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "ReturnNext";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CQB1001", "CQB1002");

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
                || Plan(invocation, model, context.CancellationToken) is not { } plan)
            {
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create("Return the result of next()", _ => Task.FromResult(Apply(context.Document, root, plan)), EquivalenceKey),
                diagnostic);
        }
    }

    private sealed class Rewrite(ExpressionStatementSyntax statement, ExpressionSyntax returned, ReturnStatementSyntax? unreachable)
    {
        public ExpressionStatementSyntax Statement { get; } = statement;

        public ExpressionSyntax Returned { get; } = returned;

        public ReturnStatementSyntax? Unreachable { get; } = unreachable;
    }

    private static Rewrite? Plan(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement)
        {
            return null;
        }

        // What the statement consumes: `X`, `await X` or `_ = X` / `_ = await X`, where X is next() with an optional ConfigureAwait.
        var consumed = statement.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
            ? discard.Right
            : statement.Expression;
        var awaited = consumed is AwaitExpressionSyntax;
        var chain = consumed is AwaitExpressionSyntax await ? await.Expression : consumed;
        var configured = chain is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access } && access.Expression == invocation;
        if (chain != invocation && !configured)
        {
            return null;
        }

        if (FunctionOf(statement, model, cancellationToken) is not { } function
            || model.GetTypeInfo(invocation, cancellationToken).Type is not INamedTypeSymbol { TypeArguments.Length: 1 } task)
        {
            return null;
        }
        ExpressionSyntax returned;
        if (function.IsAsync)
        {
            // An async middleware returns what the awaited task holds.
            if (function.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 1 } returnType
                || !SymbolEqualityComparer.Default.Equals(returnType.TypeArguments[0], task.TypeArguments[0]))
            {
                return null;
            }
            returned = SyntaxFactory.AwaitExpression(chain.WithoutTrivia());
        }
        else
        {
            if (awaited || !SymbolEqualityComparer.Default.Equals(function.ReturnType, task))
            {
                return null;
            }
            returned = invocation.WithoutTrivia();
        }

        var unreachable = statement.Parent is BlockSyntax block
            && block.Statements.IndexOf(statement) is var index && index + 1 < block.Statements.Count
            && block.Statements[index + 1] is ReturnStatementSyntax { Expression: { } expression } following
            && IsNoReply(expression)
            && !following.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            ? following
            : null;
        return new Rewrite(statement, returned, unreachable);
    }

    private static IMethodSymbol? FunctionOf(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    return model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol;
                case LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax:
                    return model.GetDeclaredSymbol(ancestor, cancellationToken) as IMethodSymbol;
                case AccessorDeclarationSyntax or PropertyDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    // null, default, or a completed task of one: what a middleware writes to answer nothing.
    private static bool IsNoReply(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression),
        DefaultExpressionSyntax => true,
        CastExpressionSyntax cast => IsNoReply(cast.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsNoReply(parenthesized.Expression),
        PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) => IsNoReply(suppressed.Operand),
        BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: var arguments } => arguments.Count == 0 || (arguments.Count == 1 && IsNoReply(arguments[0].Expression)),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromResult" }, ArgumentList.Arguments: { Count: 1 } arguments } => IsNoReply(arguments[0].Expression),
        _ => false,
    };

    private static Document Apply(Document document, SyntaxNode root, Rewrite rewrite)
    {
        var statement = SyntaxFactory.ReturnStatement(rewrite.Returned)
            .WithLeadingTrivia(rewrite.Statement.GetLeadingTrivia())
            .WithTrailingTrivia(rewrite.Statement.GetTrailingTrivia());
        if (rewrite.Unreachable is null || rewrite.Statement.Parent is not BlockSyntax block)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(rewrite.Statement, statement));
        }
        var index = block.Statements.IndexOf(rewrite.Statement);
        var statements = block.Statements.RemoveAt(index + 1).RemoveAt(index).Insert(index, statement);
        return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
    }
}
