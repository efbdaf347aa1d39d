namespace Velib.Web.Favourites;

/// <summary>What an alert watches at a favourite station.</summary>
public enum AlertKind { Mechanical, Ebike, Docks }
