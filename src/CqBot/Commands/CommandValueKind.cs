using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// The built-in argument and option types of a command declaration (Koishi's domains, such as
/// <c>:posint</c>). Used by generated code; bot authors write the type in the declaration.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CommandValueKind
{
    /// <summary><c>string</c>: one token; CQ entities are unescaped.</summary>
    String,

    /// <summary><c>text</c>: the rest of the line, spacing kept.</summary>
    Text,

    /// <summary><c>number</c>: a finite decimal number; <c>,</c> and <c>_</c> separators are allowed.</summary>
    Number,

    /// <summary><c>integer</c>: a whole number.</summary>
    Integer,

    /// <summary><c>posint</c>: a whole number greater than zero.</summary>
    PositiveInteger,

    /// <summary><c>natural</c>: a whole number zero or greater.</summary>
    NaturalNumber,

    /// <summary><c>boolean</c>: true/false, yes/no, on/off, 1/0. An option without a value is a boolean flag.</summary>
    Boolean,

    /// <summary><c>date</c>: an ISO 8601 date and time, a date, or a time of today.</summary>
    Date,

    /// <summary><c>user</c>: an @-mention, <c>@12345</c> or a QQ number; the value is the user id.</summary>
    User,

    /// <summary><c>channel</c>: <c>#12345</c> or a group number; the value is the group id.</summary>
    Channel,

    /// <summary><c>image</c>: a token holding an image (<c>[CQ:image,…]</c>); the value's text is that CQ code.</summary>
    Image,

    /// <summary>A type of the bot's own (an enum, or a type with a static <c>TryParse</c>), checked by a validator.</summary>
    Custom,
}
