using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CqBot.LoadTest;

/// <summary>The bot under test as a child process, pinned to one core, with its CPU time and memory read from /proc.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri HttpRoot => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    public Uri Universal => new(string.Create(CultureInfo.InvariantCulture, $"ws://127.0.0.1:{Port}/ws/"));

    /// <summary>Bytes the bot wrote to standard output and error so far (its log).</summary>
    public long LogBytes => Interlocked.Read(ref _logBytes);

    /// <summary>Lines the bot wrote so far.</summary>
    public long LogLines => Interlocked.Read(ref _logLines);

    /// <summary>The log's entries by level, category and event id, most frequent first.</summary>
    public IEnumerable<KeyValuePair<string, long>> LogKinds => _logKinds.OrderByDescending(pair => pair.Value);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _logKinds = new();
    private DirectoryInfo? _folder;
    private long _logBytes;
    private long _logLines;

    /// <summary>
    /// Starts the bot pinned to <paramref name="core"/>. With <paramref name="quiet"/> its log is only
    /// counted (and the first lines shown), for runs that provoke it.
    /// </summary>
    public static async Task<BotProcess> StartAsync(int core, string? listenOption, IReadOnlyList<string>? extraArguments = null, bool quiet = false)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(core.ToString(CultureInfo.InvariantCulture));
        // The same program plays the bot: the native binary itself, or the managed build under dotnet.
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(self);
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CqBot.LoadTest.dll"));
        }
        else
        {
            start.ArgumentList.Add(self);
        }
        start.ArgumentList.Add("bot");
        if (listenOption is not null)
        {
            start.ArgumentList.Add(listenOption);
        }
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        foreach (var argument in extraArguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }
        // A fresh folder, so that the bot's SQLite file starts empty on every run.
        var folder = Directory.CreateTempSubdirectory("cqbot-loadtest-");
        start.WorkingDirectory = folder.FullName;
        var process = Process.Start(start)!;
        var bot = new BotProcess(process, port) { _folder = folder };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            Interlocked.Add(ref bot._logBytes, Encoding.UTF8.GetByteCount(line) + 1);
            var count = Interlocked.Increment(ref bot._logLines);
            if (line.Length > 0 && line[0] != ' ')
            {
                // "warn: Category[id]": which messages the log is made of.
                bot._logKinds.AddOrUpdate(line, 1, static (_, n) => n + 1);
            }
            if (line.Length > 0 && (!quiet || count <= 20))
            {
                Console.Error.WriteLine("[bot] " + line);
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitForListenerAsync();
        return bot;
    }

    /// <summary>User plus system CPU time of the bot so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // taskset execs dotnet in place, so the pid is the bot's own.
            var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
    }

    /// <summary>Peak resident set size in bytes (VmHWM).</summary>
    public long PeakRss => ReadStatusKb("VmHWM") * 1024;

    /// <summary>Current resident set size in bytes (VmRSS).</summary>
    public long Rss => ReadStatusKb("VmRSS") * 1024;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _folder?.Delete(recursive: true);
    }

    private long ReadStatusKb(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    private async Task WaitForListenerAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} before listening.");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException("The bot did not start listening within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
