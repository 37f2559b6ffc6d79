using System;
using System.Collections.Generic;
using System.Linq;

namespace Wand.Host.Results.Yield;

/// <summary>One run as the yield analysis sees it.</summary>
/// <param name="PlanName">The plan.</param>
/// <param name="DutSerial">The unit's serial number.</param>
/// <param name="StationId">The station.</param>
/// <param name="StartedUtc">The start time as stored (ISO 8601, UTC), which sorts in time order.</param>
/// <param name="Passed">Whether the run passed.</param>
/// <param name="FirmwareRevision">The unit's firmware revision.</param>
internal readonly record struct YieldRun(string PlanName, string DutSerial, string StationId, string StartedUtc, bool Passed, string FirmwareRevision);

/// <summary>Turns runs into units and units into yield groups (see <see cref="YieldGroup"/> for the rules).</summary>
internal static class UnitAttempts
{
    /// <summary>The serial a run records when the unit's could not be read.</summary>
    public const string UnknownSerial = "UNKNOWN";

    /// <summary>Groups runs by unit and computes the yield tables.</summary>
    /// <param name="runs">The runs ordered by plan, serial and start time.</param>
    /// <returns>Overall, by plan, station, day and firmware.</returns>
    public static (YieldGroup Overall, IReadOnlyList<YieldGroup> ByPlan, IReadOnlyList<YieldGroup> ByStation, IReadOnlyList<YieldGroup> ByDay, IReadOnlyList<YieldGroup> ByFirmware) Summarize(IReadOnlyList<YieldRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        List<Unit> units = [];
        for (int index = 0; index < runs.Count; index++)
        {
            YieldRun run = runs[index];
            bool sameUnit = units.Count > 0 && run.DutSerial != UnknownSerial
                && units[^1].First.PlanName == run.PlanName && units[^1].First.DutSerial == run.DutSerial;
            if (sameUnit)
            {
                units[^1] = units[^1] with { LastPassed = run.Passed, Runs = units[^1].Runs + 1 };
            }
            else
            {
                units.Add(new Unit(run, run.Passed, 1));
            }
        }

        return (
            Group("all", units),
            GroupBy(units, unit => unit.First.PlanName),
            GroupBy(units, unit => unit.First.StationId),
            GroupBy(units, unit => unit.First.StartedUtc.Length >= 10 ? unit.First.StartedUtc[..10] : unit.First.StartedUtc),
            GroupBy(units, unit => unit.First.FirmwareRevision));
    }

    private static List<YieldGroup> GroupBy(List<Unit> units, Func<Unit, string> key)
        => units.GroupBy(key, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => Group(group.Key, group)).ToList();

    private static YieldGroup Group(string key, IEnumerable<Unit> units)
    {
        int count = 0, firstPass = 0, finalPass = 0, runs = 0;
        foreach (Unit unit in units)
        {
            count++;
            firstPass += unit.First.Passed ? 1 : 0;
            finalPass += unit.LastPassed ? 1 : 0;
            runs += unit.Runs;
        }

        return new YieldGroup(key, count, firstPass, finalPass, runs);
    }

    private sealed record Unit(YieldRun First, bool LastPassed, int Runs);
}
