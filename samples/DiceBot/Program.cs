using CqBot;
using CqBot.Hosting;

// Listens on http://127.0.0.1:8080 unless --urls says otherwise; connect an OneBot implementation's
// reverse WebSocket to ws://127.0.0.1:8080/ws/ and send "roll 2d6" in a chat.
var builder = BotApplication.CreateBuilder(args);
var app = builder.Build();
app.Use(async (session, next) => session.Content == "ping" ? "pong" : await next());
app.Run();
