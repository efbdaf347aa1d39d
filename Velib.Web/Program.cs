using Velib.Web.Api;
using Velib.Web.Cluster;
using Velib.Web.Components;
using Velib.Web.Gbfs;
using Velib.Web.Localization;
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
app.UseRequestLocalization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveWebAssemblyRenderMode().AddAdditionalAssemblies(typeof(Velib.Web.Text).Assembly);
app.MapOpenApi();
app.MapVelibApi();
app.MapVelibGbfs();
app.MapVelibLanguages();
app.MapDefaultEndpoints();

app.Run();
