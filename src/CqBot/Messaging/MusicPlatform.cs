namespace CqBot;

/// <summary>The music platforms of a <see cref="Segment.Music(MusicPlatform, long)"/> share.</summary>
public enum MusicPlatform
{
    /// <summary>QQ Music (written as <c>type=qq</c>).</summary>
    QQMusic,

    /// <summary>NetEase Cloud Music (written as <c>type=163</c>).</summary>
    NetEase,

    /// <summary>Xiami Music (written as <c>type=xm</c>).</summary>
    Xiami,
}
