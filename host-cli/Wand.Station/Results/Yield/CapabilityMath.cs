using System;

namespace Wand.Host.Results.Yield;

/// <summary>Cpk and Ppk from a measurement's aggregates (formulas and sources on <see cref="CapabilityEntry"/>).</summary>
internal static class CapabilityMath
{
    /// <summary>The bias constant d₂ of a range of two observations (NIST/SEMATECH e-Handbook §6.3.2.2).</summary>
    public const double D2 = 1.128;

    /// <summary>Builds a capability entry.</summary>
    /// <param name="measurement">The measurement name.</param>
    /// <param name="units">The units.</param>
    /// <param name="minimum">The lower limit, if any.</param>
    /// <param name="maximum">The upper limit, if any.</param>
    /// <param name="count">The number of values.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="lowest">The lowest value.</param>
    /// <param name="highest">The highest value.</param>
    /// <param name="squaredDeviations">Σ (x − μ)².</param>
    /// <param name="averageMovingRange">The mean of |xᵢ − xᵢ₋₁| over consecutive runs, null when n &lt; 2.</param>
    /// <returns>The entry.</returns>
    public static CapabilityEntry Entry(string measurement, string units, double? minimum, double? maximum, int count, double mean, double lowest, double highest, double squaredDeviations, double? averageMovingRange)
    {
        double? overall = count >= 2 ? Math.Sqrt(Math.Max(0, squaredDeviations) / (count - 1)) : null;
        double? within = count >= 2 && averageMovingRange is double range ? range / D2 : null;
        return new CapabilityEntry(measurement, units, minimum, maximum, count, mean, lowest, highest, overall, within, Index(mean, within, minimum, maximum), Index(mean, overall, minimum, maximum));
    }

    /// <summary>min(USL − μ, μ − LSL) / 3σ over the limits that exist; null without limits or spread.</summary>
    /// <param name="mean">μ.</param>
    /// <param name="sigma">σ.</param>
    /// <param name="minimum">LSL, if any.</param>
    /// <param name="maximum">USL, if any.</param>
    /// <returns>The index.</returns>
    public static double? Index(double mean, double? sigma, double? minimum, double? maximum)
    {
        if (sigma is not double spread || spread <= 0 || (minimum == null && maximum == null))
        {
            return null;
        }

        double upper = maximum is double high ? (high - mean) / (3 * spread) : double.PositiveInfinity;
        double lower = minimum is double low ? (mean - low) / (3 * spread) : double.PositiveInfinity;
        return Math.Min(upper, lower);
    }
}
