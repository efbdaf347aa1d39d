using Velib.Web.Api;
using Velib.Web.Cluster;
using Velib.Web.Components;
using Velib.Web.Gbfs;
using Velib.Web.Localization;
using Velib.Web.Map;
using Velib.ServiceDefaults;
using Velib.Web;
using Velib.Web.Store;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddVelibWeb();
builder.Services.AddVelibStore().AddVelibDataProtection();
builder.UseOrleansClient(client => client.AddVelibGatewayTimings());

var app = builder.Build();

app.UseExceptionHandler();
app.UseResponseCompression();
app.UseRequestLocalization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>();
app.MapStationFragments();
app.MapOpenApi();
app.MapVelibApi();
app.MapVelibGbfs();
app.MapVelibLanguages();
app.MapDefaultEndpoints();

app.Run();
