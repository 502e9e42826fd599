using CqBot.Hosting;
using TourBot;

var builder = BotApplication.CreateBuilder(args);   // the commands and handlers of this project come along
var app = builder.Build();
app.OnBeforeAttachUser((session, fields) => fields.Add(Profile.Name));   // load the field with every message
app.Run();
