using System.Text;
using CqBot.Json;

namespace CqBot.Tests.Json;

public class Utf8NameTableTests
{
    private static readonly string[] s_names =
    [
        "time", "self_id", "post_type", "message_type", "notice_type", "request_type", "meta_event_type", "sub_type",
        "message_id", "user_id", "group_id", "anonymous", "message", "raw_message", "font", "sender", "id", "url",
        "a", "ab", "ba", "last_message_time", "disconnect_times",
    ];

    [Fact]
    public void TryGetValue_EveryName_FindsItsOwnValue()
    {
        var table = CreateTable();

        for (var i = 0; i < s_names.Length; i++)
        {
            Assert.True(table.TryGetValue(Encoding.UTF8.GetBytes(s_names[i]), out var value));
            Assert.Equal(i, value);
        }
    }

    [Fact]
    public void TryGetValue_EveryNameAsCharacters_FindsItsOwnValue()
    {
        var table = CreateTable();

        for (var i = 0; i < s_names.Length; i++)
        {
            Assert.True(table.TryGetValue(s_names[i].AsSpan(), out var value), s_names[i]);
            Assert.Equal(i, value);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("timé")]
    [InlineData("user_İd")]
    [InlineData("last_mesXage_time")]
    [InlineData("Time")]
    public void TryGetValue_OtherNameAsCharacters_FindsNothing(string name)
    {
        Assert.False(CreateTable().TryGetValue(name.AsSpan(), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Time")]
    [InlineData("time ")]
    [InlineData("user_ie")]
    [InlineData("b")]
    [InlineData("a_much_longer_name_than_any_in_the_table")]
    // Same length, first eight and last eight bytes as "last_message_time": only the byte between differs.
    [InlineData("last_mesXage_time")]
    [InlineData("ac")]
    [InlineData("aba")]
    public void TryGetValue_OtherName_FindsNothing(string name)
    {
        Assert.False(CreateTable().TryGetValue(Encoding.UTF8.GetBytes(name), out _));
    }

    [Fact]
    public void Constructor_DuplicateName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Utf8NameTable<int>([("a", 1), ("a", 2)]));
    }

    private static Utf8NameTable<int> CreateTable()
    {
        var entries = new (string, int)[s_names.Length];
        for (var i = 0; i < s_names.Length; i++)
        {
            entries[i] = (s_names[i], i);
        }
        return new Utf8NameTable<int>(entries);
    }
}
