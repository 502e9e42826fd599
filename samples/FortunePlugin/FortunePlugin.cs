using CqBot;

namespace Fortune;

/// <summary>
/// The fortune plugin: <c>fortune</c> (alias <c>jrrp</c>) tells each user one fortune a day. A bot adds
/// it with <c>builder.AddPlugin&lt;FortunePlugin&gt;()</c>; the generator makes this class bring the
/// library's commands and read <see cref="FortuneSettings"/> from <c>CqBot:Plugins:fortune</c>.
/// </summary>
[Plugin("fortune")]
public sealed partial class FortunePlugin : BotPlugin<FortuneSettings>
{
    /// <inheritdoc />
    protected override string? ValidateSettings(FortuneSettings settings) =>
        settings.Fortunes.Length == 0 ? "'Fortunes' must list at least one fortune."
        : Array.Exists(settings.Fortunes, string.IsNullOrWhiteSpace) ? "'Fortunes' must not have blank entries."
        : null;
}
