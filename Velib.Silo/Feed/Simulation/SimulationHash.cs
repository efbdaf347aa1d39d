namespace Velib.Silo.Feed.Simulation;

/// <summary>
/// Deterministic randomness for the simulated network: the same seed, station, stream and step always give the same
/// number, on every machine and process (unlike <see cref="HashCode"/>, which is salted per process). That is what
/// makes the network a pure function of the seed and the time.
/// </summary>
internal static class SimulationHash
{
    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(int seed, long station, SimulationStream stream, long step = 0)
    {
        var x = Mix((ulong)seed);
        x = Mix(x ^ (ulong)station);
        x = Mix(x ^ ((ulong)stream << 56) ^ (ulong)step);
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Standard normal, by Box-Muller over two uniforms of the same stream.</summary>
    public static double Gaussian(int seed, long station, SimulationStream stream, long step = 0)
    {
        var u = Uniform(seed, station, stream, 2 * step);
        var v = Uniform(seed, station, stream, 2 * step + 1);
        return Math.Sqrt(-2 * Math.Log(1 - u)) * Math.Cos(2 * Math.PI * v);
    }

    // SplitMix64's finaliser: every input bit reaches every output bit.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
