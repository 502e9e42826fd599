using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CqBot.Analyzers;

/// <summary>
/// A middleware that never calls <c>next()</c> and returns null somewhere stops those messages
/// silently: nothing after it runs. Often meant (a filter), often not (a logger that forgot to pass
/// the message on), so it is only an information.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MiddlewareNeverCallsNextAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MiddlewareNeverCallsNext);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var middleware = start.Compilation.GetTypeByMetadataName("CqBot.Middleware");
            var attribute = start.Compilation.GetTypeByMetadataName("CqBot.MiddlewareAttribute");
            if (middleware is null)
            {
                return;
            }
            start.RegisterOperationAction(operation => AnalyzeLambda(operation, middleware), OperationKind.DelegateCreation);
            if (attribute is not null)
            {
                start.RegisterOperationBlockAction(block => AnalyzeMethod(block, attribute));
            }
        });
    }

    private static void AnalyzeLambda(OperationAnalysisContext context, INamedTypeSymbol middleware)
    {
        var creation = (IDelegateCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, middleware)
            || creation.Target is not IAnonymousFunctionOperation { Symbol.Parameters.Length: 2 } lambda)
        {
            return;
        }
        var next = lambda.Symbol.Parameters[1];
        if (StopsWithoutNext(lambda.Body, next) && next.Locations.FirstOrDefault() is { IsInSource: true } location)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MiddlewareNeverCallsNext, location));
        }
    }

    private static void AnalyzeMethod(OperationBlockAnalysisContext context, INamedTypeSymbol attribute)
    {
        if (context.OwningSymbol is not IMethodSymbol { Parameters.Length: 2 } method
            || !method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
        {
            return;
        }
        var next = method.Parameters[1];
        foreach (var block in context.OperationBlocks)
        {
            if (StopsWithoutNext(block, next) && next.Locations.FirstOrDefault() is { IsInSource: true } location)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MiddlewareNeverCallsNext, location));
                return;
            }
        }
    }

    // True when nothing in the body uses `next` and some return gives back null.
    private static bool StopsWithoutNext(IOperation body, IParameterSymbol next)
    {
        var returnsNull = false;
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, next):
                    return false;
                case IReturnOperation { ReturnedValue: { } value } when IsNull(value):
                    returnsNull = true;
                    break;
            }
        }
        return returnsNull;
    }

    // null, default, (Message?)null, new ValueTask<Message?>(null), ValueTask.FromResult<Message?>(null), or a branch that is one.
    private static bool IsNull(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }
        return value switch
        {
            { ConstantValue: { HasValue: true, Value: null } } => true,
            IDefaultValueOperation => true,
            IConditionalOperation conditional => IsNull(conditional.WhenTrue) || (conditional.WhenFalse is { } otherwise && IsNull(otherwise)),
            IObjectCreationOperation { Arguments.Length: 0 } => true,
            IObjectCreationOperation { Arguments.Length: 1 } creation => IsNull(creation.Arguments[0].Value),
            IInvocationOperation { TargetMethod.Name: "FromResult", Arguments.Length: 1 } invocation => IsNull(invocation.Arguments[0].Value),
            _ => false,
        };
    }
}
