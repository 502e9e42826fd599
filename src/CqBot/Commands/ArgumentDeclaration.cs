using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// A declared argument: <c>&lt;name:type&gt;</c>, <c>[name:type]</c> or <c>[...name:type]</c>. Created by
/// generated code from a <see cref="CommandAttribute"/> declaration; bot authors write the declaration instead.
/// </summary>
/// <param name="Name">The argument's name as declared.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Required">True for <c>&lt;…&gt;</c>.</param>
/// <param name="Variadic">True for <c>...</c>: it takes every remaining token.</param>
/// <param name="Validator">For <see cref="CommandValueKind.Custom"/>: whether a token converts.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record ArgumentDeclaration(string Name, CommandValueKind Kind, bool Required, bool Variadic = false, Func<string, bool>? Validator = null)
{
    /// <summary>True for <c>text</c>: it takes the rest of the line.</summary>
    public bool Greedy => Kind == CommandValueKind.Text;

    /// <summary>The allowed values (an enum's members), listed by errors and help; null when any value of the type goes.</summary>
    public IReadOnlyList<string>? Choices { get; init; }
}
