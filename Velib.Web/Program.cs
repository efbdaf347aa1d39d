using Velib.Web.Api;
using Velib.Web.Components;
using Velib.Web.Gbfs;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddVelibWeb();
builder.Services.AddVelibStore();
builder.UseOrleansClient();

var app = builder.Build();

app.UseExceptionHandler();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapOpenApi();
app.MapVelibApi();
app.MapVelibGbfs();
app.MapDefaultEndpoints();

app.Run();
