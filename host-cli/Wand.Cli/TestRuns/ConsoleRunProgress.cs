using System;
using System.Globalization;
using System.Linq;
using Spectre.Console;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;

namespace Wand.Cli.TestRuns;

/// <summary>
/// Live progress of a run on a terminal: each phase as it starts and finishes, failed and marginal measurements as
/// they are judged, in colour when the terminal supports it.
/// </summary>
internal sealed class ConsoleRunProgress(IAnsiConsole console) : ITestRunProgress
{
    private int phaseNumber;
    private int phaseCount;

    public void RunStarted(TestPlan plan, string deviceAddress)
    {
        phaseCount = plan.Phases.Count + 2;
        console.MarkupLine(CultureInfo.InvariantCulture, $"[bold]{Markup.Escape(plan.Name)}[/] {Markup.Escape(plan.Version)} on [blue]{Markup.Escape(deviceAddress)}[/] ({plan.Phases.Count} phases, {plan.Measurements.Count()} measurements)");
    }

    public void PhaseStarted(PhasePlan phase, int attempt)
    {
        if (attempt == 1)
        {
            phaseNumber++;
        }

        string retry = attempt > 1 ? $" [yellow](attempt {attempt})[/]" : string.Empty;
        console.MarkupLine(CultureInfo.InvariantCulture, $"[grey]{phaseNumber,2}/{phaseCount}[/] {Markup.Escape(phase.Name)}…{retry}");
    }

    public void StepStarted(PhasePlan phase, StepPlan planStep)
    {
    }

    public void MeasurementJudged(PhasePlan phase, MeasurementRecord measurement)
    {
        if (measurement.Outcome == MeasurementOutcome.Fail)
        {
            console.MarkupLine($"      [red]✗ {Markup.Escape(measurement.Name)}[/] {Markup.Escape(MeasurementText.Summary(measurement))}");
        }
        else if (measurement.Marginal)
        {
            console.MarkupLine($"      [yellow]~ {Markup.Escape(measurement.Name)}[/] {Markup.Escape(MeasurementText.Summary(measurement))} (marginal)");
        }
    }

    public void PhaseFinished(PhaseRecord phase)
    {
        if (phase.Outcome == PhaseOutcome.Skipped)
        {
            phaseNumber++;
        }

        string colour = Colour(phase.Outcome.ToString().ToUpperInvariant());
        int passed = phase.Measurements.Count(measurement => measurement.Outcome == MeasurementOutcome.Pass);
        console.MarkupLine(CultureInfo.InvariantCulture, $"     [{colour}]{phase.Outcome.ToString().ToUpperInvariant()}[/] {Markup.Escape(phase.Name)} {passed}/{phase.Measurements.Count} in {phase.DurationMilliseconds:0} ms");
        if (phase.Outcome is not PhaseOutcome.Pass and not PhaseOutcome.Skipped && phase.Message.Length > 0)
        {
            console.MarkupLine($"      [{colour}]{Markup.Escape(phase.Message)}[/]");
        }
    }

    public void RunFinished(TestRecord record)
    {
    }

    public static string Colour(string outcome) => outcome switch
    {
        "PASS" => "green",
        "FAIL" => "red",
        "ERROR" => "magenta",
        "TIMEOUT" => "darkorange",
        _ => "grey",
    };
}
