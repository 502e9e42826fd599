using System.Globalization;
using System.Runtime;

namespace CqBot.LoadTest;

/// <summary>
/// With CQBOT_MEMORY_REPORT set to a file path, the bot appends what the collector holds every
/// 5 s: where the RSS of a run goes.
/// </summary>
internal sealed class MemoryReport : IDisposable
{
    private readonly Timer _timer;
    private readonly string _path;

    private MemoryReport(string path)
    {
        _path = path;
        File.WriteAllText(path, "# " + string.Join(", ", GC.GetConfigurationVariables().Select(pair => pair.Key + "=" + pair.Value)) + "\n" + "s\trss\theap\tcommitted\tfragmented\tgen0\tgen1\tgen2\tloh\tpoh\tgcs(0/1/2)\tpause ms\tallocated\tthreads\n");
        var start = Environment.TickCount64;
        _timer = new Timer(_ => Write((Environment.TickCount64 - start) / 1000), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    public static MemoryReport? Start() =>
        Environment.GetEnvironmentVariable("CQBOT_MEMORY_REPORT") is { Length: > 0 } path ? new MemoryReport(path) : null;

    private void Write(long seconds)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
        var generations = info.GenerationInfo;
        var line = string.Join('\t',
            seconds.ToString(CultureInfo.InvariantCulture),
            Mb(Environment.WorkingSet),
            Mb(info.HeapSizeBytes),
            Mb(info.TotalCommittedBytes),
            Mb(info.FragmentedBytes),
            Mb(generations[0].SizeAfterBytes),
            Mb(generations[1].SizeAfterBytes),
            Mb(generations[2].SizeAfterBytes),
            Mb(generations[3].SizeAfterBytes),
            Mb(generations[4].SizeAfterBytes),
            string.Create(CultureInfo.InvariantCulture, $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"),
            GC.GetTotalPauseDuration().TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
            Mb(GC.GetTotalAllocatedBytes()),
            System.Diagnostics.Process.GetCurrentProcess().Threads.Count.ToString(CultureInfo.InvariantCulture));
        File.AppendAllText(_path, line + "\n");
    }

    public void Dispose() => _timer.Dispose();
}
