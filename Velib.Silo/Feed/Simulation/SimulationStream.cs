namespace Velib.Silo.Feed.Simulation;

/// <summary>Independent streams of <see cref="SimulationHash"/>, so that one draw never repeats another.</summary>
internal enum SimulationStream : byte
{
    /// <summary>How full a station tends to be, whatever the hour (its own character).</summary>
    Character = 1,
    DisabledDocks = 2,
    DisabledDockCount = 3,
    /// <summary>Whether a station sees a rider (or a van) in a given minute.</summary>
    Event = 4,
    /// <summary>The random part of a station's count, drawn anew at each event.</summary>
    Noise = 5,
}
