using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CqBot.Analyzers;

/// <summary>
/// Blocking on a task (<c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>) inside a
/// command, check, event handler or middleware holds a thread-pool thread for the whole wait; under load
/// the bot starves and every chat waits. Await instead.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BlockingCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var task = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            var taskOfT = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            var valueTask = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            var valueTaskOfT = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            var attributes = HandlerAttributes.Resolve(start.Compilation);
            if (task is null || taskOfT is null || attributes.IsEmpty)
            {
                return;
            }
            var tasks = ImmutableArray.Create<INamedTypeSymbol?>(task, taskOfT, valueTask, valueTaskOfT);
            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol method || HandlerAttributes.Find(method, attributes) is null)
                {
                    return;
                }
                block.RegisterOperationAction(operation => AnalyzeMember(operation, tasks, method), OperationKind.PropertyReference, OperationKind.Invocation);
            });
        });
    }

    private static void AnalyzeMember(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol?> tasks, IMethodSymbol handler)
    {
        string? what = context.Operation switch
        {
            IPropertyReferenceOperation { Property.Name: "Result" } property when IsTask(property.Property.ContainingType, tasks) => ".Result",
            IInvocationOperation { TargetMethod.Name: "Wait" } wait when IsTask(wait.TargetMethod.ContainingType, tasks) => ".Wait()",
            IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter" } awaiter }
                when awaiter.Instance is { Type: INamedTypeSymbol awaited } && IsTask(awaited, tasks) => ".GetAwaiter().GetResult()",
            _ => null,
        };
        if (what is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingCall, context.Operation.Syntax.GetLocation(), handler.Name, what));
        }
    }

    private static bool IsTask(INamedTypeSymbol? type, ImmutableArray<INamedTypeSymbol?> tasks)
    {
        var definition = type?.OriginalDefinition;
        foreach (var task in tasks)
        {
            if (task is not null && SymbolEqualityComparer.Default.Equals(definition, task))
            {
                return true;
            }
        }
        return false;
    }
}
