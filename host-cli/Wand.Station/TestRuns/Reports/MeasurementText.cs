using System;
using System.Globalization;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>How measurements read in reports: the value with units, and the limits.</summary>
public static class MeasurementText
{
    /// <summary>Formats the value with its units.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <returns>For example <c>0.2990 g</c>, <c>idle</c>, or <c>—</c> when not taken.</returns>
    public static string Value(MeasurementRecord measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (measurement.NumericValue is double number)
        {
            return (Number(number) + " " + measurement.Units).TrimEnd();
        }

        return measurement.TextValue ?? "—";
    }

    /// <summary>Formats the limits.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <returns>For example <c>[0.264, 0.3226] (marginal [0.2786, 0.308])</c>, <c>= idle</c> or <c>~ /regex/</c>.</returns>
    public static string Limits(MeasurementRecord measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (measurement.Expected != null)
        {
            return "= " + measurement.Expected;
        }

        if (measurement.Pattern != null)
        {
            return "~ /" + measurement.Pattern + "/";
        }

        string limits = $"[{Bound(measurement.Minimum, "-inf")}, {Bound(measurement.Maximum, "+inf")}]";
        if (measurement.MarginalMinimum != null || measurement.MarginalMaximum != null)
        {
            limits += $" (marginal [{Bound(measurement.MarginalMinimum, "-inf")}, {Bound(measurement.MarginalMaximum, "+inf")}])";
        }

        return limits;
    }

    /// <summary>Formats value and limits together.</summary>
    /// <param name="measurement">The measurement.</param>
    /// <returns>For example <c>0.2990 g in [0.264, 0.3226]</c>.</returns>
    public static string Summary(MeasurementRecord measurement) => $"{Value(measurement)} {(measurement?.Expected != null || measurement?.Pattern != null ? "vs" : "in")} {Limits(measurement!)}";

    /// <summary>Formats a number with up to 6 significant digits.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Bound(double? value, string missing) => value is double number ? Number(number) : missing;

    /// <summary>Describes a retest for people: <c>retest 2 of serial SIM-0001 (previous run 1a2b3c4d5e6f: FAIL)</c>; empty for a first run.</summary>
    /// <param name="record">The run.</param>
    /// <returns>The text.</returns>
    public static string Retest(TestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Retest is RetestRecord retest
            ? string.Create(CultureInfo.InvariantCulture, $"retest {retest.Number} of serial {record.DutSerial} (previous run {retest.PreviousRunId[..Math.Min(12, retest.PreviousRunId.Length)]}: {retest.PreviousOutcome})")
            : string.Empty;
    }
}
