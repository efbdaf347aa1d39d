using Velib.Silo.Commands;
using Velib.Silo.Hosting;
using Velib.Silo;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddVelibSilo();
builder.UseOrleans(silo => silo.AddVelibStateFormat().AddVelibStartup().AddVelibKubernetesHosting(builder.Configuration)
    .AddVelibMembershipTimings());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapVelibCommands();
app.Run();
