using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;

namespace Wand.Cli.TestRuns;

/// <summary>The concise console summary after a run: verdict, unit, counts, failures and where the files went.</summary>
internal static class RunSummaryWriter
{
    public static void Write(IAnsiConsole console, TestRecord record, IReadOnlyList<string> reports, string? storeLocation)
    {
        string outcome = OutcomeRules.Name(record.Outcome);
        List<MeasurementRecord> measurements = record.Phases.SelectMany(phase => phase.Measurements).ToList();
        int passed = measurements.Count(measurement => measurement.Outcome == MeasurementOutcome.Pass);
        int failed = measurements.Count(measurement => measurement.Outcome == MeasurementOutcome.Fail);
        int marginal = measurements.Count(measurement => measurement.Marginal);
        console.WriteLine();
        console.MarkupLine(CultureInfo.InvariantCulture, $"[bold {ConsoleRunProgress.Colour(outcome)}]{outcome}[/]  unit [bold]{Markup.Escape(record.DutSerial)}[/]  firmware {Markup.Escape(record.FirmwareRevision)} / {Markup.Escape(record.SoftwareRevision)}  plan {Markup.Escape(record.PlanName)} {Markup.Escape(record.PlanVersion)}");
        if (record.Retest != null)
        {
            console.MarkupLine($"  [yellow]{Markup.Escape(MeasurementText.Retest(record))}[/]");
        }

        console.MarkupLine(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed, {marginal} marginal, {measurements.Count - passed - failed} not taken of {measurements.Count} measurements in {record.DurationMilliseconds / 1000:0.0} s  (run {record.RunId[..12]})");
        foreach (MeasurementRecord measurement in measurements.Where(measurement => measurement.Outcome == MeasurementOutcome.Fail))
        {
            console.MarkupLine($"  [red]✗[/] {Markup.Escape(measurement.Name)}: {Markup.Escape(measurement.Message)}");
        }

        if (record.Outcome is not RunOutcome.Pass and not RunOutcome.Fail && record.OutcomeDetails.Length > 0)
        {
            console.MarkupLine($"  {Markup.Escape(record.OutcomeDetails)}");
        }

        foreach (string path in reports)
        {
            console.MarkupLine($"  report: {Markup.Escape(path)}");
        }

        if (storeLocation != null)
        {
            console.MarkupLine($"  stored: {Markup.Escape(storeLocation)}");
        }
    }
}
