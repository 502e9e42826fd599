using CqBot.DataBenchmark;

// `usage-worker` is one of the two processes of the command-usage race (started by the benchmark
// itself); anything else runs the benchmark. See README.md beside this file.
return args is ["usage-worker", ..] ? await UsageWorker.RunAsync(args[1..]) : await BenchmarkRun.RunAsync(args);
