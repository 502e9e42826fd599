using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CqBot.Testing;

namespace DiceBot.Tests;

/// <summary>
/// Runs the dice sample as its own process and drives it over a real socket, as an OneBot
/// implementation would. <c>CQBOT_DICEBOT_BINARY</c> names the program to run (the Native AOT
/// binary in CI); otherwise the managed build next to the tests runs.
/// </summary>
public sealed class DiceBotProcessTests : IAsyncLifetime
{
    private const long SelfId = 10001000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private Process _process = null!;
    private Uri _universal = null!;

    public Task InitializeAsync() => StartProcessAsync();

    // Each test's bot keeps its SQLite file (the default data/cqbot.db) in a folder of its own.
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("cqbot-dicebot-").FullName;

    private async Task StartProcessAsync()
    {
        var port = FreePort();
        var binary = Environment.GetEnvironmentVariable("CQBOT_DICEBOT_BINARY");
        var start = string.IsNullOrEmpty(binary)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "DiceBot.dll") } }
            : new ProcessStartInfo(binary);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        start.WorkingDirectory = _workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _universal = new Uri(string.Create(CultureInfo.InvariantCulture, $"ws://127.0.0.1:{port}/ws/"));
        await WaitForListenerAsync(port);
    }

    public async Task DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Stats_KeptInTheDefaultSqliteFile_SurviveTheProcessBeingKilled()
    {
        var best = 0;
        await using (var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId))
        {
            for (var i = 0; i < 2; i++)
            {
                await client.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "roll 3d6"));
                var roll = await client.NextCallAsync(Timeout);
                await client.RespondOkAsync(roll);
                best = Math.Max(best, int.Parse(roll.MessageText["3d6 = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture));
            }
        }

        // Killed without a chance to flush: what was answered had been committed before the answer went out.
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        await StartProcessAsync();
        await using var again = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        await again.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "stats"));
        var stats = await again.NextCallAsync(Timeout);
        await again.RespondOkAsync(stats);

        Assert.True(File.Exists(Path.Combine(_workingDirectory, "data", "cqbot.db")));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"你一共掷了 2 次，最好成绩是 {best}。"), stats.MessageText);
    }

    [Fact]
    public async Task RollInGroup_OverReverseWebSocket_AnswersThatGroupWithinRange()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        await client.SendEventAsync(FakeEvents.LifecycleConnect(SelfId));
        await client.SendEventAsync(FakeEvents.GroupMessage(SelfId, 987654, 42, "roll 2d6"));

        var call = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(call);
        Assert.Equal("send_msg", call.Action);
        Assert.Equal(987654, call.GetInt64("group_id"));
        var text = call.MessageText;
        Assert.StartsWith("2d6 = ", text);
        var total = int.Parse(text["2d6 = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.InRange(total, 2, 12);
    }

    [Fact]
    public async Task RollInPrivate_WithModifier_AnswersTheSender()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        await client.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "r d20+3"));

        var call = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(call);
        Assert.Equal(4242, call.GetInt64("user_id"));
        var text = call.MessageText;
        var total = int.Parse(text["1d20+3 = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.InRange(total, 4, 23);
    }

    [Fact]
    public async Task NewGroupMember_IsWelcomedByTheGeneratedHandler()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        await client.SendEventAsync(FakeEvents.GroupIncrease(SelfId, 987654, 777));

        var call = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(call);
        // Notices have no quick operation in OneBot v11: the welcome goes to the group with send_group_msg.
        Assert.Equal("send_group_msg", call.Action);
        Assert.Equal(987654, call.GetInt64("group_id"));
        Assert.Contains("欢迎新成员 777", call.MessageText);
    }

    [Fact]
    public async Task FortuneFromThePluginLibrary_Answers()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        await client.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "jrrp"));

        var call = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(call);
        Assert.Contains("的运势：", call.MessageText);
    }

    [Fact]
    public async Task WhoIs_CallsGetStrangerInfoAndRepliesWithTheTypedResult()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        client.Responder = call => call.Action == "get_stranger_info"
            ? ApiReply.Ok("""{"user_id":"777","nickname":"小明","sex":"male","age":"18","extra":true}""")
            : null;
        await client.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "whois @777"));

        var reply = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(reply);
        Assert.Equal("send_msg", reply.Action);
        Assert.Equal("小明 (777)", reply.MessageText);
    }

    [Fact]
    public async Task GroupInfo_CallsGetGroupInfo()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        client.Responder = call => call.Action == "get_group_info"
            ? ApiReply.Ok("""{"group_id":987654,"group_name":"骰子群","member_count":42}""")
            : null;
        await client.SendEventAsync(FakeEvents.GroupMessage(SelfId, 987654, 42, "groupinfo"));

        var reply = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(reply);
        Assert.Equal("骰子群：42/? 人", reply.MessageText);
    }

    [Fact]
    public async Task BadDice_RepliesWithExplanation()
    {
        await using var client = await FakeOneBotClient.ConnectAsync(_universal, SelfId);
        await client.SendEventAsync(FakeEvents.PrivateMessage(SelfId, 4242, "roll banana"));

        var call = await client.NextCallAsync(Timeout);
        await client.RespondOkAsync(call);
        Assert.Contains("banana", call.MessageText);
    }

    [Fact]
    public async Task RollInGroup_OverHttpPost_AnswersInTheResponse()
    {
        using var poster = new FakeOneBotPoster(new Uri(_universal.AbsoluteUri.Replace("ws://", "http://", StringComparison.Ordinal).Replace("/ws/", "/", StringComparison.Ordinal)), SelfId);

        var result = await poster.PostAsync(FakeEvents.GroupMessage(SelfId, 987654, 42, "roll 3d4"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var operation = result.Operation!.Value;
        Assert.StartsWith("3d4 = ", System.Text.Json.JsonSerializer.Deserialize<CqBot.Message>(operation.GetProperty("reply").GetRawText())!.GetPlainText());
        Assert.False(operation.GetProperty("at_sender").GetBoolean());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForListenerAsync(int port)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} before listening.");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"The bot did not listen on port {port} within {Timeout.TotalSeconds} s.");
    }
}
