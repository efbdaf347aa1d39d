using System.Text.Json;
using Microsoft.JSInterop;

namespace Velib.Web.Favourites;

/// <summary>
/// My stations, kept in the browser's local storage: read once the circuit can reach the browser, written on
/// every change. Unreadable stored data (edited by hand, an old format) starts an empty list rather than failing.
/// </summary>
public sealed class FavouriteStore(IJSRuntime js)
{
    private const string Key = "velib.favourites";
    private List<Favourite> _items = [];

    public IReadOnlyList<Favourite> Items => _items;

    public bool Loaded { get; private set; }

    public bool Contains(string code) => _items.Any(f => f.Code == code);

    public Favourite? Get(string code) => _items.FirstOrDefault(f => f.Code == code);

    public async Task LoadAsync()
    {
        var json = await js.InvokeAsync<string?>("localStorage.getItem", Key);
        try
        {
            _items = json is null ? [] : JsonSerializer.Deserialize<List<Favourite>>(json, JsonSerializerOptions.Web) ?? [];
        }
        catch (JsonException)
        {
            _items = [];
        }
        Loaded = true;
    }

    public Task ToggleAsync(string code) =>
        SaveAsync(Contains(code) ? [.. _items.Where(f => f.Code != code)] : [.. _items, new Favourite(code)]);

    public Task UpdateAsync(Favourite favourite) =>
        SaveAsync([.. _items.Select(f => f.Code == favourite.Code ? favourite with { Threshold = Math.Clamp(favourite.Threshold, 1, 99) } : f)]);

    private async Task SaveAsync(List<Favourite> items)
    {
        _items = items;
        await js.InvokeVoidAsync("localStorage.setItem", Key, JsonSerializer.Serialize(_items, JsonSerializerOptions.Web));
    }
}
