using System.ComponentModel;

namespace CqBot.Infrastructure;

/// <summary>
/// A message that runs a command as if typed in full: <c>签到</c> for <c>checkin</c>. The message must
/// equal <see cref="Pattern"/> (surrounding spaces ignored) and may not carry a command prefix. Created by
/// generated code from <see cref="ShortcutAttribute"/>, which is how bot authors declare one.
/// </summary>
/// <param name="Pattern">The text that triggers the command.</param>
/// <param name="Preset">Arguments and options put before anything that follows the pattern, e.g. <c>bar --text baz</c>.</param>
/// <param name="Fuzzy">Allows text after the pattern; it must start with a space unless the bot was addressed.</param>
/// <param name="RequireAddress">Requires the bot to be addressed by @-mention or nickname.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record CommandShortcut(string Pattern, string Preset = "", bool Fuzzy = false, bool RequireAddress = false);
