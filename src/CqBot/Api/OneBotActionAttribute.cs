namespace CqBot;

/// <summary>
/// Declares a typed call of an OneBot action on a <c>static partial</c> extension method of
/// <see cref="IBot"/>; the generator writes the body and a request class. Parameters become the
/// action's <c>params</c> under their snake_case names (or <see cref="ParameterAttribute"/>'s); an
/// optional parameter left at its default is not sent; a <see cref="CancellationToken"/> parameter cancels
/// the call and an <see cref="ApiCallMode"/> parameter picks the <c>_async</c>/<c>_rate_limited</c> variant.
/// The return type is <c>Task</c>/<c>ValueTask</c> of the result, read from <c>data</c>.
/// </summary>
/// <example>
/// <code>
/// public static partial class NapCatActions
/// {
///     [OneBotAction("set_msg_emoji_like")]
///     public static partial Task SetMessageEmojiLikeAsync(this IBot bot, long messageId, string emojiId, CancellationToken cancellationToken = default);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class OneBotActionAttribute(string action) : Attribute
{
    /// <summary>The action's name, such as <c>get_group_member_info</c>.</summary>
    public string Action { get; } = action;

    /// <summary>True for an action that posts a message, so the account's send rate limit applies (<c>send_*_msg</c> are recognised by name).</summary>
    public bool SendsMessage { get; set; }
}

/// <summary>Gives a parameter of an <see cref="OneBotActionAttribute"/> method, or a property of a result type, its JSON name when snake_case of the C# name is not it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ParameterAttribute(string name) : Attribute
{
    /// <summary>The JSON name.</summary>
    public string Name { get; } = name;
}
