using CqBot;
using CqBot.Hosting;
using DiceBot;
using Fortune;

// Listens on http://127.0.0.1:8080 unless --urls says otherwise; connect an OneBot implementation's
// reverse WebSocket to ws://127.0.0.1:8080/ws/ and send "roll 2d6" in a chat.
// The dice commands of this project need no line here; plugins from libraries are added by name.
var builder = BotApplication.CreateBuilder(args);
builder.AddPlugin<FortunePlugin>();
// Metrics and traces go nowhere unless CqBot:Telemetry:Otlp or CqBot:Telemetry:Prometheus is true.
var telemetry = Telemetry.AddExporters(builder);
var app = builder.Build();
telemetry.MapScrapeEndpoint(app);
// Users are kept in data/cqbot.db (SQLite) unless CqBot:Storage says otherwise; each message's user
// comes with the dice statistics that roll and stats read and write.
app.OnBeforeAttachUser(DiceStats.Request);
app.Use(session => session.Content == "ping" ? "pong" : null);
app.Run();
