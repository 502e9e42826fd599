namespace CqBot.Generators.Model;

// Root model of the handler pipeline: plain values only (see CommandModel).

/// <summary>One event-handler attribute or [Middleware] on a method.</summary>
internal sealed record HandlerModel(
    ContainingTypeModel ContainingType,
    string MethodName,
    bool IsStatic,
    HandlerKind Kind,
    string EventName,
    int Priority,
    bool Block,
    bool Prepend,
    EquatableArray<ParameterModel> Parameters,
    string? EventTypeName,
    ReturnKind Return,
    EquatableArray<string> ConstructorServices,
    int Order);

internal enum HandlerKind
{
    Event,
    Middleware,
}

/// <summary>What parsing one handler method produced.</summary>
internal sealed record HandlerResult(EquatableArray<HandlerModel> Models, EquatableArray<DiagnosticInfo> Diagnostics);
