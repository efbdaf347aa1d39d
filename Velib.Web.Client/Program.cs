using System.Globalization;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.JSInterop;
using MudBlazor.Services;
using Velib.Web.Live;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddMudServices();
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddSingleton<BrowserNetworkView>();
builder.Services.AddSingleton<INetworkView>(s => s.GetRequiredService<BrowserNetworkView>());
builder.Services.AddSingleton<IArchive, HttpArchive>();
builder.Services.AddSingleton<Velib.Web.Forecast.IForecasts, Velib.Web.Forecast.HttpForecasts>();
builder.Services.AddScoped<Velib.Web.Favourites.FavouriteStore>();

var host = builder.Build();
// The server chose the language (the rider's switch, else Accept-Language) and wrote it on <html lang>: the browser
// side speaks the same one. Set before RunAsync, which then loads that culture's resources.
var language = await host.Services.GetRequiredService<IJSRuntime>().InvokeAsync<string>("document.documentElement.getAttribute", "lang");
var culture = CultureInfo.GetCultureInfo(language == Velib.Web.Localization.Languages.English ? "en" : "fr");
CultureInfo.DefaultThreadCurrentCulture = culture;
CultureInfo.DefaultThreadCurrentUICulture = culture;
await host.RunAsync();
