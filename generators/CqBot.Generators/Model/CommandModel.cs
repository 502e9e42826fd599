namespace CqBot.Generators.Model;

// Root model of the command pipeline. It holds only strings, primitives, enums, nested models and
// EquatableArray: no ISymbol, SyntaxNode, SemanticModel, Location or Compilation may be reachable
// from it, or the incremental cache stops working and the compilation is kept alive.

/// <summary>One <c>[Command]</c> method, everything the emitter needs.</summary>
internal sealed record CommandModel(
    ContainingTypeModel ContainingType,
    string MethodName,
    bool IsStatic,
    string Name,
    EquatableArray<string> Aliases,
    string? Description,
    string Usage,
    EquatableArray<ArgumentModel> Arguments,
    EquatableArray<ParameterModel> Parameters,
    ReturnKind ReturnKind,
    EquatableArray<string> ConstructorServices);

/// <summary>The partial class that declares commands.</summary>
internal sealed record ContainingTypeModel(string? Namespace, string Name, string Keyword, string FullyQualifiedName);

/// <summary>A declared argument after the parameter it binds to is known.</summary>
internal sealed record ArgumentModel(string Name, string Domain, bool Required, bool Variadic);

/// <summary>How one method parameter gets its value.</summary>
internal sealed record ParameterModel(
    string Name,
    ParameterSource Source,
    string TypeName,
    int ArgumentIndex,
    ValueConversion Conversion,
    string? DefaultValueLiteral,
    bool IsNullable);

internal enum ParameterSource
{
    Argument,
    Session,
    Context,
    Bot,
    Event,
    CancellationToken,
    Service,
}

/// <summary>How a token becomes the parameter's value.</summary>
internal enum ValueConversion
{
    None,
    String,
    Int32,
    Int64,
    Double,
    Single,
    Boolean,
    StringArray,
}

internal enum ReturnKind
{
    Void,
    Text,
    Message,
    Task,
    TaskOfText,
    TaskOfMessage,
    ValueTask,
    ValueTaskOfText,
    ValueTaskOfMessage,
}
