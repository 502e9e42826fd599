namespace Fortune;

/// <summary>Settings of the fortune plugin, from <c>CqBot:Plugins:fortune</c>.</summary>
public sealed class FortuneSettings
{
    /// <summary>The fortunes to draw from.</summary>
    public string[] Fortunes { get; set; } = ["大吉", "中吉", "小吉", "吉", "末吉", "凶", "大凶"];

    /// <summary>Mixed into each draw, so that two bots tell the same user different fortunes.</summary>
    public long Seed { get; set; }
}
