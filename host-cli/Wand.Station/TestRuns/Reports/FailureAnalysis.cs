using System;
using System.Collections.Generic;
using System.Linq;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// The failures of one phase, root cause apart from consequences: the first failing measurement is the phase's root
/// cause; later failures in the same phase are listed as possibly following from it; measurements never taken because
/// the phase stopped are consequences.
/// </summary>
/// <param name="Phase">The phase (any outcome but pass).</param>
/// <param name="Root">The first failing measurement; <c>null</c> when the phase stopped without one (error, timeout, abort, skip).</param>
/// <param name="AlsoFailed">Failing measurements after the root, in plan order.</param>
/// <param name="NotTaken">Measurements not taken because the phase stopped.</param>
public sealed record PhaseFailures(PhaseRecord Phase, MeasurementRecord? Root, IReadOnlyList<MeasurementRecord> AlsoFailed, IReadOnlyList<MeasurementRecord> NotTaken);

/// <summary>Groups a record's failures by phase, root causes first.</summary>
public static class FailureAnalysis
{
    /// <summary>Groups the failures.</summary>
    /// <param name="record">The record.</param>
    /// <returns>One entry per phase that did not pass, in run order.</returns>
    public static IReadOnlyList<PhaseFailures> Group(TestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        List<PhaseFailures> groups = [];
        foreach (PhaseRecord phase in record.Phases.Where(phase => phase.Outcome != PhaseOutcome.Pass))
        {
            List<MeasurementRecord> failed = phase.Measurements.Where(measurement => measurement.Outcome == MeasurementOutcome.Fail).ToList();
            List<MeasurementRecord> notTaken = phase.Measurements.Where(measurement => measurement.Outcome == MeasurementOutcome.Unset).ToList();
            groups.Add(new PhaseFailures(phase, failed.FirstOrDefault(), failed.Skip(1).ToList(), notTaken));
        }

        return groups;
    }
}
