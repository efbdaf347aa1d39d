using Velib.Silo.Commands;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddVelibSilo();
builder.UseOrleans(silo => silo.AddVelibStateFormat().AddVelibStartup());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapVelibCommands();
app.Run();
