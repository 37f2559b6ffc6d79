namespace Wand.Host.Results.Yield;

/// <summary>
/// The yield of a set of units. A unit is one serial number under one plan; its runs in the analysed range are its
/// attempts in start order. It passed first time when its first run passed, and passed finally when its last run did.
/// Runs with the serial <c>UNKNOWN</c> cannot be told apart, so each counts as a unit of its own.
/// </summary>
/// <param name="Key">What the group shares: a plan, station, day (<c>yyyy-MM-dd</c>, UTC), firmware revision, or <c>all</c>.</param>
/// <param name="Units">The units tested.</param>
/// <param name="FirstPassUnits">The units whose first run passed.</param>
/// <param name="FinalPassUnits">The units whose last run passed.</param>
/// <param name="Runs">All runs of these units.</param>
public sealed record YieldGroup(string Key, int Units, int FirstPassUnits, int FinalPassUnits, int Runs)
{
    /// <summary>Gets the runs after each unit's first: retests.</summary>
    public int Retests => Runs - Units;

    /// <summary>Gets the first-pass yield, 0 to 1 (0 without units).</summary>
    public double FirstPassYield => Units == 0 ? 0 : (double)FirstPassUnits / Units;

    /// <summary>Gets the final yield after retests, 0 to 1 (0 without units).</summary>
    public double FinalYield => Units == 0 ? 0 : (double)FinalPassUnits / Units;
}
