using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CqBot.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Rename;
using Microsoft.CodeAnalysis.Simplification;

namespace CqBot.CodeFixes;

/// <summary>
/// CQB2003 (a declared argument has no parameter) and CQB2009 (a declared option has none): renames the
/// parameter that was meant for it (<c>dices</c> for <c>&lt;dice&gt;</c>), or adds a parameter of the
/// declared type (<c>bool loud = false</c> for a flag).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ArgumentParameterCodeFixProvider)), Shared]
public sealed class ArgumentParameterCodeFixProvider : CodeFixProvider
{
    private const string RenameKey = "RenameParameterToArgument";
    private const string AddKey = "AddParameterForArgument";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CQB2003", "CQB2009");

    /// <inheritdoc />
    /// <remarks>
    /// Renames are independent edits, which the batch fixer merges. Parameters added to one method are
    /// not: the batch fixer would keep only one of them, so those are added together, per method.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

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
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue("Argument", out var argument) || argument is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
            {
                continue;
            }
            var name = ParameterName(argument);

            if (Misspelled(method, argument, properties.TryGetValue("Unmatched", out var unmatched) ? unmatched : null) is { } parameter
                && model.GetDeclaredSymbol(parameter, context.CancellationToken) is { } symbol)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Rename parameter '{parameter.Identifier.ValueText}' to '{name}'",
                        token => RenameAsync(context.Document, symbol, name, token),
                        RenameKey),
                    diagnostic);
            }

            if (Addition.From(diagnostic) is { } addition)
            {
                var annotations = model.GetNullableContext(method.ParameterList.SpanStart).AnnotationsEnabled();
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add parameter '{name}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method.ParameterList, addition.AddTo(method.ParameterList, annotations)))),
                        AddKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document?> AddAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }
        var byList = new Dictionary<ParameterListSyntax, List<Addition>>();
        foreach (var diagnostic in diagnostics)
        {
            if (Addition.From(diagnostic) is { } addition
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                if (!byList.TryGetValue(method.ParameterList, out var additions))
                {
                    byList[method.ParameterList] = additions = [];
                }
                additions.Add(addition);
            }
        }
        var updated = root.ReplaceNodes(byList.Keys, (original, list) =>
        {
            var annotations = model.GetNullableContext(original.SpanStart).AnnotationsEnabled();
            foreach (var addition in byList[original].OrderBy(a => a.Index))
            {
                list = addition.AddTo(list, annotations);
            }
            return list;
        });
        return document.WithSyntaxRoot(updated);
    }

    // The parameter meant for the argument: the only one bound to nothing, or the one nearest in name.
    private static ParameterSyntax? Misspelled(MethodDeclarationSyntax method, string argument, string? unmatched)
    {
        if (string.IsNullOrEmpty(unmatched))
        {
            return null;
        }
        var names = unmatched!.Split(',');
        var chosen = names.Length == 1 ? names[0] : null;
        if (chosen is null)
        {
            var nearest = NearestName.Find(Normalize(argument), names.Select(Normalize));
            chosen = nearest is null ? null : names.FirstOrDefault(n => Normalize(n) == nearest);
        }
        return chosen is null ? null : method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == chosen);
    }

    private static async Task<Solution> RenameAsync(Document document, ISymbol parameter, string name, CancellationToken cancellationToken) =>
        await Renamer.RenameSymbolAsync(document.Project.Solution, parameter, new SymbolRenameOptions(), name, cancellationToken).ConfigureAwait(false);

    /// <summary>A parameter to add for an argument, as the diagnostic describes it.</summary>
    private sealed class Addition(string name, string type, bool variadic, bool optional, int index, bool flag)
    {
        public bool Flag { get; } = flag;

        public string Name { get; } = name;

        public string Type { get; } = type;

        public bool Variadic { get; } = variadic;

        public bool Optional { get; } = optional;

        public int Index { get; } = index;

        public static Addition? From(Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue("Argument", out var argument) || argument is null
                || !properties.TryGetValue("Type", out var type) || TypeOf(type ?? "") is null)
            {
                return null;
            }
            var variadic = properties.TryGetValue("Variadic", out var v) && v == "true";
            var optional = properties.TryGetValue("Required", out var r) && r == "false" && !variadic;
            var index = properties.TryGetValue("Index", out var i) && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var flag = properties.TryGetValue("Flag", out var f) && f == "true";
            return new Addition(ParameterName(argument), type ?? "", variadic, optional, index, flag);
        }

        public ParameterListSyntax AddTo(ParameterListSyntax list, bool annotations)
        {
            var type = TypeOf(Type)!;
            var isReference = type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword };
            if (Variadic)
            {
                type = SyntaxFactory.ArrayType(type, SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.OmittedArraySizeExpression()))));
            }
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(Name));
            if (Flag)
            {
                // A flag is there or not: false when left out.
                parameter = parameter.WithType(type).WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)));
            }
            else if (Optional && (!isReference || annotations))
            {
                // Nullable: left out, the argument arrives as null.
                parameter = parameter.WithType(SyntaxFactory.NullableType(type));
            }
            else if (Optional)
            {
                parameter = parameter.WithType(type).WithDefault(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));
            }
            else
            {
                parameter = parameter.WithType(type);
            }

            // A parameter without a default goes before those with one (and before a params array).
            var index = list.Parameters.Count;
            if (parameter.Default is null)
            {
                for (var i = 0; i < list.Parameters.Count; i++)
                {
                    if (list.Parameters[i].Default is not null || list.Parameters[i].Modifiers.Any(SyntaxKind.ParamsKeyword))
                    {
                        index = i;
                        break;
                    }
                }
            }
            else if (list.Parameters.LastOrDefault() is { } last && last.Modifiers.Any(SyntaxKind.ParamsKeyword))
            {
                index = list.Parameters.Count - 1;
            }
            return list.WithParameters(list.Parameters.Insert(index, parameter.WithAdditionalAnnotations(Formatter.Annotation)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
    }

    // The C# type the generator reads a declared type into; null for a type the fix does not know.
    private static TypeSyntax? TypeOf(string declared) => declared switch
    {
        "" or "string" or "text" or "image" or "img" => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)),
        "integer" or "posint" or "natural" => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)),
        "number" => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DoubleKeyword)),
        "boolean" => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.BoolKeyword)),
        "user" or "channel" => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.LongKeyword)),
        "date" => SyntaxFactory.ParseTypeName("global::System.DateTimeOffset").WithAdditionalAnnotations(Simplifier.Annotation),
        _ => null,
    };

    // `dice-count` or `dice_count` is bound to the parameter `diceCount`.
    private static string ParameterName(string argument)
    {
        var builder = new StringBuilder(argument.Length);
        var upper = false;
        foreach (var c in argument)
        {
            if (c is '-' or '_')
            {
                upper = builder.Length > 0;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : builder.Length == 0 ? char.ToLowerInvariant(c) : c);
            upper = false;
        }
        var name = builder.ToString();
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    private static string Normalize(string name) => name.Replace("-", "").Replace("_", "").ToLowerInvariant();

    private sealed class FixAll : FixAllProvider
    {
        public static readonly FixAll Instance = new();

        private static readonly FixAllProvider s_addAll = Create(AddAllAsync);

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => s_addAll.GetSupportedFixAllScopes();

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            fixAllContext.CodeActionEquivalenceKey == AddKey ? s_addAll.GetFixAsync(fixAllContext) : WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
    }
}
