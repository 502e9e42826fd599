using CqBot.Hosting;

// Listens on http://127.0.0.1:8080 unless --urls says otherwise; connect an OneBot implementation's
// reverse WebSocket to ws://127.0.0.1:8080/ws/. The commands of this project need no line here.
var builder = BotApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
