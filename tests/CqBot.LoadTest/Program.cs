using CqBot.LoadTest;

// `bot` runs the echo bot (the process under test); anything else runs the load generator, which
// starts the bot itself, pinned to its own core. See README.md beside this file.
// `instrument-cost` measures the instruments in one process, without sockets; `chaos` soaks the bot
// with well-behaved traffic while misbehaving clients attack it.
return args switch
{
    ["bot", ..] => EchoBot.Run(args[1..]),
    ["instrument-cost", ..] => await InstrumentCost.RunAsync(args[1..]),
    ["chaos", ..] => await ChaosRun.RunAsync(args[1..]),
    _ => await LoadRun.RunAsync(args),
};
