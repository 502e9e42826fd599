using CqBot;
using CqBot.Hosting;
using Fortune;

// Listens on http://127.0.0.1:8080 unless --urls says otherwise; connect an OneBot implementation's
// reverse WebSocket to ws://127.0.0.1:8080/ws/ and send "roll 2d6" in a chat.
// The dice commands of this project need no line here; plugins from libraries are added by name.
var builder = BotApplication.CreateBuilder(args);
builder.AddPlugin<FortunePlugin>();
var app = builder.Build();
app.Use(session => session.Content == "ping" ? "pong" : null);
app.Run();
