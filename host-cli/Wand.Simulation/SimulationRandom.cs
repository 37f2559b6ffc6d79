using System;

namespace Wand.Simulation;

/// <summary>
/// A small, fast, allocation-free pseudo-random source (SplitMix64) so every simulated part draws reproducibly from a
/// seed. Each part gets its own stream (<see cref="Derive"/>) so adding draws in one part does not shift another's.
/// </summary>
public sealed class SimulationRandom
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong state;

    /// <summary>Initializes a new instance of the <see cref="SimulationRandom"/> class.</summary>
    /// <param name="seed">Any 64-bit seed; equal seeds give equal sequences.</param>
    public SimulationRandom(ulong seed)
    {
        state = seed;
    }

    /// <summary>Creates an independent stream for one part, from a board seed and a fixed stream number.</summary>
    /// <param name="seed">The board seed.</param>
    /// <param name="stream">A constant that names the part's stream.</param>
    /// <returns>A new generator.</returns>
    public static SimulationRandom Derive(ulong seed, ulong stream)
    {
        return new SimulationRandom(Mix(seed ^ Mix(stream + 0x632BE59BD9B4E019UL)));
    }

    /// <summary>Returns the next raw 64-bit value.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    public ulong NextBits()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>Returns a uniform value in [0, 1).</summary>
    /// <returns>The value.</returns>
    public double NextUnit()
    {
        return (NextBits() >> 11) * UnitScale;
    }

    /// <summary>Returns a uniform value in [−1, 1).</summary>
    /// <returns>The value.</returns>
    public double NextSymmetric()
    {
        return (2.0 * NextUnit()) - 1.0;
    }

    /// <summary>
    /// Returns an approximately normal value with mean 0 and standard deviation 1, bounded to ±3.46 (the sum of four
    /// uniforms, Irwin–Hall). Bounded noise keeps worst cases computable, and it needs no logarithm or square root.
    /// </summary>
    /// <returns>The value, −3.47 to 3.47.</returns>
    public double NextBoundedNormal()
    {
        double sum = NextUnit() + NextUnit() + NextUnit() + NextUnit();
        return (sum - 2.0) * 1.7320508075688772;
    }

    /// <summary>Returns a factor 1 + spread × u with u uniform in [−1, 1): a part's deviation from nominal.</summary>
    /// <param name="spread">Relative spread, 0 to 1 (0.25 for ±25 %).</param>
    /// <returns>The factor, 1 − spread to 1 + spread.</returns>
    public double NextFactor(double spread)
    {
        return 1.0 + (spread * NextSymmetric());
    }

    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
