using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CqBot.Generators.Model;

/// <summary>
/// A diagnostic kept as plain values (file path and span instead of a Location) so it can cross a
/// pipeline step without holding on to syntax trees.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        var lineSpan = location?.GetLineSpan();
        return new DiagnosticInfo(
            descriptor.Id,
            lineSpan?.Path ?? "",
            location?.SourceSpan ?? default,
            lineSpan?.Span ?? default,
            new EquatableArray<string>(arguments));
    }

    public Diagnostic ToDiagnostic()
    {
        var descriptor = GeneratorDiagnostics.Find(Id);
        var location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }
        return Diagnostic.Create(descriptor, location, arguments);
    }
}
