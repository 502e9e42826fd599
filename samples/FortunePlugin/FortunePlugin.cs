using CqBot;

namespace Fortune;

/// <summary>
/// The fortune plugin: <c>fortune</c> (alias <c>jrrp</c>) tells each user one fortune a day. A bot adds
/// it with <c>builder.AddPlugin&lt;FortunePlugin&gt;()</c>; the generator makes this class bring the
/// library's commands.
/// </summary>
[Plugin("fortune")]
public sealed partial class FortunePlugin;
