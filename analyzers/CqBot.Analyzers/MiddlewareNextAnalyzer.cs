using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CqBot.Analyzers;

/// <summary>
/// Koishi's rule carries over: a middleware continues the chain only by returning what
/// <c>next()</c> returns. Calling it and dropping the result loses the reply and, when not awaited,
/// races the rest of the chain.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MiddlewareNextAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NextResultDiscarded, DiagnosticDescriptors.NextReplyDropped);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var next = start.Compilation.GetTypeByMetadataName("CqBot.Next");
            if (next is null)
            {
                return;
            }
            start.RegisterOperationAction(operation => AnalyzeInvocation(operation, next), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol next)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.MethodKind != MethodKind.DelegateInvoke
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, next))
        {
            return;
        }

        // Look through `.ConfigureAwait(...)` and conversions to what consumes the call.
        IOperation current = invocation;
        var parent = current.Parent;
        while (parent is IConversionOperation
            || (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == current))
        {
            current = parent;
            parent = current.Parent;
        }

        var awaited = false;
        if (parent is IAwaitOperation)
        {
            awaited = true;
            current = parent;
            parent = current.Parent;
        }

        var discarded = parent is IExpressionStatementOperation
            || (parent is ISimpleAssignmentOperation { Target: IDiscardOperation } assignment && assignment.Value == current);
        if (discarded)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                awaited ? DiagnosticDescriptors.NextReplyDropped : DiagnosticDescriptors.NextResultDiscarded,
                invocation.Syntax.GetLocation()));
        }
    }
}
