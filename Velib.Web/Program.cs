using Velib.Web.Api;
using Velib.Web.Components;

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
app.MapDefaultEndpoints();

app.Run();
