using CqBot.LoadTest;

// `bot` runs the echo bot (the process under test); anything else runs the load generator, which
// starts the bot itself, pinned to its own core. See README.md beside this file.
return args is ["bot", ..] ? EchoBot.Run(args[1..]) : await LoadRun.RunAsync(args);
