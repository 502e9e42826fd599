using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CqBot.Hosting.Sandbox;

/// <summary>
/// The <c>sandbox</c> verb: a chat with the bot in the terminal. Each line typed is a message event from
/// the current user, in the current group or in private, handed to the bot through an in-memory
/// connection and so through the whole pipeline; what the bot sends is printed, with the other API
/// calls it made dimmed. Lines starting with ':' are the sandbox's own commands (<c>:help</c>).
/// With input redirected it reads plain lines, so it can be scripted.
/// </summary>
internal sealed class SandboxSession
{
    /// <summary>The sandbox bot's own QQ number.</summary>
    public const long SelfId = 10001000;

    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly LineEditor? _editor;
    private readonly bool _color;
    private long _userId = 10001;
    private long? _groupId;
    private long _nextMessageId = 1;

    private SandboxSession(TextReader input, TextWriter output, bool interactive)
    {
        _input = input;
        _output = output;
        _editor = interactive ? new LineEditor() : null;
        _color = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    }

    public static async Task RunAsync(BotApplication app, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var interactive = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var session = new SandboxSession(input, output, interactive);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var api = new SandboxApi(SelfId, session.ShowMessage, session.ShowCall);
            var connection = app.ConnectInMemory(SelfId, api);
            // Ctrl+C outside the line editor (or SIGTERM) stops the host; the chat ends with it.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
                cancellationToken, app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            await session.LoopAsync(connection, stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(InMemoryConnection connection, CancellationToken cancellationToken)
    {
        Write("CqBot sandbox: you are user " + _userId.ToString(CultureInfo.InvariantCulture) + " chatting with bot "
            + SelfId.ToString(CultureInfo.InvariantCulture) + " in private. Type a message, or :help.");
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith(':'))
            {
                if (!RunCommand(line))
                {
                    break;
                }
                continue;
            }
            try
            {
                await connection.PostAsync(Encoding.UTF8.GetBytes(MessageEvent(line))).WaitAsync(EventTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (TimeoutException)
            {
                Write(Dim("(the bot is still working on that message; its answer will show when it comes)"));
            }
            catch (InvalidOperationException exception)
            {
                Write(exception.Message);
                break;
            }
        }
        Write("bye");
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var prompt = Prompt();
        if (_editor is not null)
        {
            // The editor blocks on the keyboard; the bot keeps running on the thread pool meanwhile.
            // When the host stops meanwhile, the read is left behind and the chat ends.
            try
            {
                return await Task.Run(() => _editor.ReadLine(prompt), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        string? line;
        try
        {
            // Console.In reads synchronously and ignores the token: wait for it on the side.
            line = await Task.Run(_input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        if (line is not null)
        {
            // Piped input is not echoed by a terminal: show it, so the transcript reads as a chat.
            Write(prompt + line);
        }
        return line;
    }

    private string Prompt() => (_groupId is { } group
        ? "[group " + group.ToString(CultureInfo.InvariantCulture) + "] "
        : "[private] ") + _userId.ToString(CultureInfo.InvariantCulture) + "> ";

    // False to end the session.
    private bool RunCommand(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var argument = parts.Length > 1 ? parts[1] : null;
        switch (parts[0].ToLowerInvariant())
        {
            case ":quit" or ":q" or ":exit":
                return false;
            case ":help" or ":h" or ":?":
                Write("""
                    Type a message as the current user; CQ codes such as [CQ:at,qq=10001000] or [CQ:face,id=14] work.
                      :user <qq>     send as another user
                      :group <id>    talk in a group
                      :private       talk in private with the bot
                      :help          this text
                      :quit          leave (Ctrl+D too)
                    The bot's own commands: type help.
                    """);
                return true;
            case ":user" or ":u":
                if (TryNumber(argument, out var user))
                {
                    _userId = user;
                    Write("You are now user " + user.ToString(CultureInfo.InvariantCulture) + ".");
                }
                else
                {
                    Write("Usage: :user <qq>, e.g. :user 10001");
                }
                return true;
            case ":group" or ":g":
                if (TryNumber(argument, out var group))
                {
                    _groupId = group;
                    Write("Now in group " + group.ToString(CultureInfo.InvariantCulture) + ".");
                }
                else
                {
                    Write("Usage: :group <id>, e.g. :group 20002");
                }
                return true;
            case ":private" or ":p":
                _groupId = null;
                Write("Now in a private chat with the bot.");
                return true;
            default:
                Write("Unknown command " + parts[0] + "; :help lists them.");
                return true;
        }
    }

    private static bool TryNumber(string? text, out long number) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    private void ShowMessage(string text) => Write("bot> " + text.Replace("\n", "\n     ", StringComparison.Ordinal));

    private void ShowCall(string call) => Write(Dim("  · " + call));

    private string Dim(string text) => _color ? "\u001b[2m" + text + "\u001b[0m" : text;

    private void Write(string text)
    {
        if (_editor is not null)
        {
            _editor.WriteLine(text);
            return;
        }
        lock (_output)
        {
            _output.WriteLine(text);
            _output.Flush();
        }
    }

    private string MessageEvent(string cqMessage)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            writer.WriteNumber("self_id", SelfId);
            writer.WriteString("post_type", "message");
            writer.WriteString("message_type", _groupId is null ? "private" : "group");
            writer.WriteString("sub_type", _groupId is null ? "friend" : "normal");
            writer.WriteNumber("message_id", Interlocked.Increment(ref _nextMessageId));
            if (_groupId is { } group)
            {
                writer.WriteNumber("group_id", group);
            }
            writer.WriteNumber("user_id", _userId);
            writer.WriteString("message", cqMessage);
            writer.WriteString("raw_message", cqMessage);
            writer.WriteNumber("font", 0);
            writer.WriteStartObject("sender");
            writer.WriteNumber("user_id", _userId);
            writer.WriteString("nickname", "user" + _userId.ToString(CultureInfo.InvariantCulture));
            if (_groupId is not null)
            {
                writer.WriteString("card", "");
                writer.WriteString("role", "member");
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
