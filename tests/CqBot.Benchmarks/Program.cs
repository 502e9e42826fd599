using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/CqBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CqBot.Benchmarks.MessageBenchmarks).Assembly).Run(args);
