using System;
using Wand.Core.Board;

namespace Wand.Host.Calibration;

/// <summary>
/// The product's vibration specification (MD-2): five levels evenly spaced in amplitude from a gentle floor to the
/// product's top amplitude. The default is the board's specification (<see cref="LevelAmplitudes"/>), the same one the
/// virtual wand's ideal calibration uses, so measured calibrations are judged against the same targets.
/// </summary>
public sealed record LevelTargets
{
    /// <summary>Gets the product specification.</summary>
    public static LevelTargets Product { get; } = new()
    {
        TopAmplitudeG = LevelAmplitudes.TopAmplitudeG,
        FloorAmplitudeG = LevelAmplitudes.FloorAmplitudeG,
    };

    /// <summary>Gets the level-5 amplitude, in g, greater than <see cref="FloorAmplitudeG"/>.</summary>
    public double TopAmplitudeG { get; init; }

    /// <summary>Gets the level-1 amplitude, in g, greater than 0.</summary>
    public double FloorAmplitudeG { get; init; }

    /// <summary>Gets the accepted deviation of a level from its target, as a fraction (§8: 0.05).</summary>
    public double Tolerance { get; init; } = LevelAmplitudes.Tolerance;

    /// <summary>Gets the target amplitude of a level.</summary>
    /// <param name="level">Level, 1 to 5.</param>
    /// <returns>Amplitude, in g.</returns>
    public double AmplitudeG(int level)
    {
        if (level < 1 || level > SafetyLimits.LevelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A level is 1 to 5.");
        }

        return FloorAmplitudeG + ((TopAmplitudeG - FloorAmplitudeG) * (level - 1) / (SafetyLimits.LevelCount - 1));
    }

    /// <summary>Checks the specification.</summary>
    /// <exception cref="ArgumentException">Floor not above 0, top not above floor, or tolerance outside (0, 0.5].</exception>
    public void Validate()
    {
        if (!(FloorAmplitudeG > 0 && TopAmplitudeG > FloorAmplitudeG && Tolerance > 0 && Tolerance <= 0.5))
        {
            throw new ArgumentException($"Level targets need 0 < floor ({FloorAmplitudeG} g) < top ({TopAmplitudeG} g) and a tolerance in (0, 0.5] ({Tolerance}).");
        }
    }
}
