using System.Reflection;
using System.Text;
using System.Text.Json;
using CqBot.Hosting;
using CqBot.Hosting.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CqBot.Testing;

/// <summary>
/// A bot running in the test's process, built by the bot's own program (as ASP.NET Core's
/// <c>WebApplicationFactory</c> does) or by a builder the test configures, over an in-memory connection
/// instead of sockets. Everything else is production: plugins, per-chat ordering, the send rate limiter
/// (on <see cref="Clock"/>, a clock the test moves), a dependency-injection scope per event, middleware
/// and commands. Feed it events; read the API calls it made.
/// </summary>
/// <example>
/// <code>
/// await using var bot = await TestBot.StartAsync&lt;Program&gt;();
/// var reply = await bot.ReceiveGroupMessageAsync(groupId: 1, userId: 2, "roll 2d6");
/// Assert.Contains("2d6 =", reply.Text);
/// </code>
/// </example>
public sealed class TestBot : IAsyncDisposable
{
    /// <summary>The self id test bots use unless told otherwise.</summary>
    public const long DefaultSelfId = 10001000;

    /// <summary>How long a <c>Receive…</c> call waits for the bot to finish an event, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly InMemoryApi _api;
    private readonly InMemoryConnection _connection;
    private readonly TaskCompletionSource _stop;
    private readonly Task _program;
    private long _nextMessageId = 1;

    private TestBot(BotApplication app, InMemoryApi api, InMemoryConnection connection, FakeTimeProvider clock, TaskCompletionSource stop, Task program)
    {
        App = app;
        _api = api;
        _connection = connection;
        Clock = clock;
        _stop = stop;
        _program = program;
    }

    /// <summary>The running application, as the program built it.</summary>
    public BotApplication App { get; }

    /// <summary>The bot's clock: rate limits, heartbeats and timeouts move only when the test advances it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>
    /// The bot's users and channels (in memory unless the bot or the test chose a store): give a user an
    /// authority before a test, or read what a command stored.
    /// </summary>
    public BotData Data => App.Services.GetRequiredService<BotData>();

    /// <summary>The bot account, as handlers see it.</summary>
    public IBot Bot => _connection.Bot;

    /// <summary>Every API call the bot made, in order.</summary>
    public IReadOnlyList<ApiCall> Calls => _api.Calls;

    /// <summary>
    /// Runs the program whose entry point is in <typeparamref name="TEntryPoint"/>'s assembly (usually
    /// <c>Program</c>) with <paramref name="args"/>, up to its <c>app.Run()</c>, and connects account
    /// <paramref name="selfId"/> in memory. <paramref name="configure"/> runs on the program's builder
    /// right after <c>BotApplication.CreateBuilder</c>, to replace services for the test.
    /// </summary>
    public static Task<TestBot> StartAsync<TEntryPoint>(string[]? args = null, Action<BotApplicationBuilder>? configure = null, long selfId = DefaultSelfId)
    {
        var entryPoint = typeof(TEntryPoint).Assembly.EntryPoint
            ?? throw new InvalidOperationException($"The assembly of '{typeof(TEntryPoint).FullName}' has no entry point; use the overload that takes a builder.");
        return StartAsync(() => RunEntryPoint(entryPoint, args ?? []), configure, selfId);
    }

    /// <summary>
    /// Builds a bot from <see cref="BotApplication.CreateBuilder"/> with <paramref name="args"/>, lets
    /// <paramref name="configure"/> add plugins and services, and runs it with account
    /// <paramref name="selfId"/> connected in memory. For plugin libraries, which have no program.
    /// </summary>
    public static Task<TestBot> StartAsync(Action<BotApplicationBuilder> configure, string[]? args = null, long selfId = DefaultSelfId)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return StartAsync(() => BotApplication.CreateBuilder(args ?? []).Build().RunAsync(), configure, selfId);
    }

    private static async Task<TestBot> StartAsync(Func<Task> program, Action<BotApplicationBuilder>? configure, long selfId)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var api = new InMemoryApi();
        var started = new TaskCompletionSource<(BotApplication App, InMemoryConnection Connection)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hook = new BotApplicationHook
        {
            ConfigureBuilder = builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
                // No sockets: the in-memory connection is the only way in.
                builder.Services.AddSingleton<IServer, NoServer>();
                // Users and channels live in memory unless the test or the bot's program chooses a store.
                builder.Configuration["CqBot:Storage:Provider"] = "memory";
                configure?.Invoke(builder);
            },
            Run = async (app, cancellationToken) =>
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                started.TrySetResult((app, app.ConnectInMemory(selfId, api)));
                await stop.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                await StopAsync(app, clock).ConfigureAwait(false);
            },
        };
        Task running;
        using (BotApplicationHook.Install(hook))
        {
            running = Task.Run(program);
        }
        var first = await Task.WhenAny(started.Task, running).ConfigureAwait(false);
        if (first == running)
        {
            await running.ConfigureAwait(false);
            throw new InvalidOperationException("The program ended without running the bot: it must call app.Run() or app.RunAsync().");
        }
        var (app, connection) = await started.Task.ConfigureAwait(false);
        return new TestBot(app, api, connection, clock, stop, running);
    }

    /// <summary>Answers every later call of <paramref name="action"/> with <paramref name="dataJson"/>.</summary>
    public void Reply(string action, string dataJson) => _api.Script(action, ApiReply.Ok(dataJson));

    /// <summary>
    /// Answers every later request of type <typeparamref name="TRequest"/> with the typed result
    /// <paramref name="answer"/> makes from it, without JSON:
    /// <c>bot.Reply((GroupActions.GetGroupInfoRequest request) =&gt; new GroupInfo { GroupId = request.GroupId, GroupName = "测试群" })</c>.
    /// </summary>
    public void Reply<TRequest, TResult>(Func<TRequest, TResult> answer)
        where TRequest : ApiRequest<TResult>
    {
        ArgumentNullException.ThrowIfNull(answer);
        _api.Script(typeof(TRequest), request => answer((TRequest)request));
    }

    /// <summary>Makes every later call of <paramref name="action"/> fail with <paramref name="retCode"/>.</summary>
    public void Fail(string action, long retCode, string? wording = null) => _api.Script(action, ApiReply.Failed(retCode, wording));

    /// <summary>A group message (CQ-code text) from <paramref name="userId"/>; waits until the bot is done with it.</summary>
    public Task<TestReply> ReceiveGroupMessageAsync(long groupId, long userId, string cqMessage, TimeSpan? timeout = null) =>
        ReceiveAsync(MessageEventJson("group", "normal", groupId, userId, cqMessage), timeout);

    /// <summary>A private message (CQ-code text) from <paramref name="userId"/>; waits until the bot is done with it.</summary>
    public Task<TestReply> ReceivePrivateMessageAsync(long userId, string cqMessage, TimeSpan? timeout = null) =>
        ReceiveAsync(MessageEventJson("private", "friend", null, userId, cqMessage), timeout);

    /// <summary>
    /// Any event, as OneBot JSON; waits until the bot is done with it and returns the API calls made
    /// meanwhile. A handler that asks the user something (<c>session.PromptAsync</c>) is done for now once
    /// its question is out and it waits; the user's answer, received next, returns once that handler is
    /// done or asks again, so a conversation reads as question, answer, question. Throws
    /// <see cref="TimeoutException"/> when the bot does not finish within <paramref name="timeout"/>
    /// (<see cref="DefaultTimeout"/> unless given): a handler that hangs in production hangs here too.
    /// </summary>
    public async Task<TestReply> ReceiveAsync(string eventJson, TimeSpan? timeout = null)
    {
        var first = _api.Count;
        await PostAsync(eventJson).WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false);
        return new TestReply(_api.Since(first));
    }

    /// <summary>
    /// Hands an event to the bot without waiting; the task completes when the bot is done with it (or waits for an answer, as with <see cref="ReceiveAsync"/>).
    /// Use it to send several events at once, as a busy group does.
    /// </summary>
    public Task PostAsync(string eventJson) => _connection.PostAsync(Encoding.UTF8.GetBytes(eventJson));

    /// <summary>The JSON of a group message, for <see cref="PostAsync"/>.</summary>
    public string GroupMessage(long groupId, long userId, string cqMessage) => MessageEventJson("group", "normal", groupId, userId, cqMessage);

    /// <summary>The JSON of a private message, for <see cref="PostAsync"/>.</summary>
    public string PrivateMessage(long userId, string cqMessage) => MessageEventJson("private", "friend", null, userId, cqMessage);

    /// <summary>Stops the bot (running handlers get the shutdown time on <see cref="Clock"/>) and ends its program.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.TrySetResult();
        try
        {
            await _program.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        finally
        {
            await App.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Shutdown waits on the bot's clock; move it so a handler that never ends is cancelled, as in production.
    private static async Task StopAsync(BotApplication app, FakeTimeProvider clock)
    {
        var stopping = app.StopAsync();
        for (var i = 0; i < 600 && !stopping.IsCompleted; i++)
        {
            await Task.WhenAny(stopping, Task.Delay(5)).ConfigureAwait(false);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        await stopping.ConfigureAwait(false);
    }

    private static async Task RunEntryPoint(MethodInfo entryPoint, string[] args)
    {
        var result = entryPoint.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, entryPoint.GetParameters().Length == 0 ? null : [args], culture: null);
        if (result is Task task)
        {
            await task.ConfigureAwait(false);
        }
    }

    // The message goes in string form, so tests can write CQ codes such as [CQ:at,qq=…].
    private string MessageEventJson(string type, string subType, long? groupId, long userId, string cqMessage)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", Clock.GetUtcNow().ToUnixTimeSeconds());
            writer.WriteNumber("self_id", _connection.SelfId);
            writer.WriteString("post_type", "message");
            writer.WriteString("message_type", type);
            writer.WriteString("sub_type", subType);
            writer.WriteNumber("message_id", Interlocked.Increment(ref _nextMessageId));
            if (groupId is { } group)
            {
                writer.WriteNumber("group_id", group);
            }
            writer.WriteNumber("user_id", userId);
            writer.WriteString("message", cqMessage);
            writer.WriteString("raw_message", cqMessage);
            writer.WriteNumber("font", 0);
            writer.WriteStartObject("sender");
            writer.WriteNumber("user_id", userId);
            writer.WriteString("nickname", "tester");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
