namespace CqBot.Generators.Model;

/// <summary>How the value a command or event handler returns is sent; both generators read it with <see cref="MethodSignatureReader.ClassifyReturn"/>.</summary>
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
    Operation,
    TaskOfOperation,
    ValueTaskOfOperation,
}
