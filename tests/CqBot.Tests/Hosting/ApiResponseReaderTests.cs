using System.Text;
using System.Text.Json;
using CqBot.Hosting.Protocol;

namespace CqBot.Tests.Hosting;

public sealed class ApiResponseReaderTests
{
    private static ApiResponse Read(string json, out long echo) => ApiResponseReader.Read(Encoding.UTF8.GetBytes(json), out echo);

    [Fact]
    public void Read_OkResponse_GivesStatusDataAndEcho()
    {
        var response = Read("""{"status":"ok","retcode":0,"data":{"message_id":7,"list":[1,2]},"echo":"42"}""", out var echo);

        Assert.Equal(("ok", 0L, 42L, null), (response.Status, response.RetCode, echo, response.ErrorMessage));
        Assert.Equal(7, response.Data!.Value.GetProperty("message_id").GetInt32());
        Assert.Equal(2, response.Data.Value.GetProperty("list").GetArrayLength());
    }

    [Fact]
    public void Read_FieldsInAnyOrder_AndUnknownOnesSkipped()
    {
        var response = Read("""{"echo":5,"extra":{"deep":[{"a":1}]},"data":[1,2,3],"retcode":1400,"status":"failed","wording":"bad"}""", out var echo);

        Assert.Equal(("failed", 1400L, 5L, "bad"), (response.Status, response.RetCode, echo, response.ErrorMessage));
        Assert.Equal(3, response.Data!.Value.GetArrayLength());
    }

    [Fact]
    public void Read_Data_OutlivesTheFrame()
    {
        var frame = Encoding.UTF8.GetBytes("""{"status":"ok","retcode":0,"data":{"nickname":"bot"},"echo":"1"}""");
        var response = ApiResponseReader.Read(frame, out _);

        Array.Clear(frame);

        Assert.Equal("bot", response.Data!.Value.GetProperty("nickname").GetString());
    }

    [Theory]
    [InlineData("""{"status":"failed","msg":"c","message":"b","wording":"a"}""", "a")]
    [InlineData("""{"status":"failed","msg":"c","message":"b"}""", "b")]
    [InlineData("""{"status":"failed","msg":"c","message":""}""", "c")]
    [InlineData("""{"status":"failed","wording":1,"msg":"c"}""", "c")]
    [InlineData("""{"status":"ok","wording":"not read when it went well"}""", null)]
    public void Read_FailureWording_PrefersWordingThenMessageThenMsg(string json, string? expected)
    {
        Assert.Equal(expected, Read(json, out _).ErrorMessage);
    }

    [Theory]
    [InlineData("""{"status":"ok","echo":"12"}""", 12)]
    [InlineData("""{"status":"ok","echo":12}""", 12)]
    [InlineData("""{"status":"ok","echo":"abc"}""", -1)]
    [InlineData("""{"status":"ok","echo":{"id":1}}""", -1)]
    [InlineData("""{"status":"ok"}""", -1)]
    public void Read_Echo_IsANumberOrMinusOne(string json, long expected)
    {
        Read(json, out var echo);

        Assert.Equal(expected, echo);
    }

    [Theory]
    [InlineData("""{"status":"async","retcode":1}""", "async")]
    [InlineData("""{"status":"weird","retcode":1}""", "weird")]
    [InlineData("""{"status":1,"retcode":1}""", "failed")]
    [InlineData("""{"retcode":1}""", "failed")]
    public void Read_Status_IsTheStringOrFailed(string json, string expected)
    {
        Assert.Equal(expected, Read(json, out _).Status);
    }

    [Fact]
    public void Read_RepeatedFields_TheLastWins()
    {
        var response = Read("""{"status":"failed","retcode":1,"data":{"a":1},"echo":"1","status":"ok","retcode":0,"data":null,"echo":"2"}""", out var echo);

        Assert.Equal(("ok", 0L, 2L), (response.Status, response.RetCode, echo));
        Assert.Null(response.Data);
    }

    [Fact]
    public void Read_RetCodeThatIsNotAnInteger_IsZero()
    {
        Assert.Equal(0, Read("""{"status":"failed","retcode":"100"}""", out _).RetCode);
        Assert.Equal(0, Read("""{"status":"failed","retcode":1.5}""", out _).RetCode);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"ok\"")]
    [InlineData("")]
    [InlineData("{\"status\":\"ok\",\"data\":{\"a\":")]
    [InlineData("{\"status\":\"ok\" \"data\":1}")]
    [InlineData("{\"status\":\"ok\",\"data\":[1,}")]
    public void Read_NotAJsonObject_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json, out _));
    }
}
