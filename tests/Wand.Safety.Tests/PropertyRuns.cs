using System;
using FsCheck;

namespace Wand.Safety.Tests;

/// <summary>
/// The FsCheck configuration every property in this suite runs with. CI replays a fixed seed, so a run is repeatable and
/// a red build always means a change broke something; <c>WAND_PROPERTY_SEED=random</c> explores fresh sequences (a
/// failure prints the seed to replay), <c>WAND_PROPERTY_SEED=SEED,GAMMA</c> replays one, and
/// <c>WAND_PROPERTY_SEQUENCES</c> sets how many sequences a property draws.
/// </summary>
public static class PropertyRuns
{
    /// <summary>The seed CI replays (any pair of 64-bit numbers; the gamma must be odd).</summary>
    private const ulong DefaultSeed = 20261206UL;

    private const ulong DefaultGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Gets the number of sequences per property: 10,000 unless <c>WAND_PROPERTY_SEQUENCES</c> says otherwise.</summary>
    public static int Sequences =>
        int.TryParse(Environment.GetEnvironmentVariable("WAND_PROPERTY_SEQUENCES"), out int count) && count > 0 ? count : 10_000;

    /// <summary>A quiet configuration that throws on the first falsified case, drawing the given number of cases.</summary>
    /// <param name="cases">Cases to draw, 1 or more.</param>
    /// <returns>The configuration.</returns>
    public static Config Configuration(int cases)
    {
        Config config = Config.QuickThrowOnFailure.WithMaxTest(Math.Max(1, cases)).WithQuietOnSuccess(true);
        string? seed = Environment.GetEnvironmentVariable("WAND_PROPERTY_SEED");
        if (string.Equals(seed, "random", StringComparison.OrdinalIgnoreCase))
        {
            return config;
        }

        if (!string.IsNullOrEmpty(seed))
        {
            string[] parts = seed.Split(',');
            if (parts.Length != 2 || !ulong.TryParse(parts[0], out ulong value) || !ulong.TryParse(parts[1], out ulong gamma))
            {
                throw new ArgumentException($"WAND_PROPERTY_SEED is '{seed}'; expected 'random' or SEED,GAMMA (two unsigned 64-bit numbers).");
            }

            return config.WithReplay(value, gamma);
        }

        return config.WithReplay(DefaultSeed, DefaultGamma);
    }
}
