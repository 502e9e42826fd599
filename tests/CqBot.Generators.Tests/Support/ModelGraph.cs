using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CqBot.Generators.Tests.Support;

/// <summary>Walks a pipeline model's object graph and fails on any Roslyn object: models hold plain values only.</summary>
internal static class ModelGraph
{
    public static void AssertPlain(object? model) => Walk(model, new HashSet<object>(ReferenceEqualityComparer.Instance), "output");

    private static void Walk(object? value, HashSet<object> visited, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }
        var type = value.GetType();
        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Compilation or Location,
            $"{path} holds a {type.FullName}; pipeline models must hold plain values only.");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, visited, $"{path}[{i++}]");
            }
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), visited, path + "." + field.Name);
        }
    }
}
