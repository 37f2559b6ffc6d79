using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Wand.Host.TestRuns.Steps;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>Measurement judgement, outcome precedence and the runner's handling of failures, errors, timeouts and aborts.</summary>
public sealed class OutcomeTests
{
    private static readonly MeasurementSpec Range = new() { Name = "r", Field = "value", Units = "V", Minimum = 1, MarginalMinimum = 2, MarginalMaximum = 3, Maximum = 4 };

    [Theory]
    [InlineData(1.0, MeasurementOutcome.Pass, true)]
    [InlineData(2.0, MeasurementOutcome.Pass, false)]
    [InlineData(3.0, MeasurementOutcome.Pass, false)]
    [InlineData(4.0, MeasurementOutcome.Pass, true)]
    [InlineData(0.999, MeasurementOutcome.Fail, false)]
    [InlineData(4.001, MeasurementOutcome.Fail, false)]
    [InlineData(double.NaN, MeasurementOutcome.Fail, false)]
    public void Judge_Range_LimitsInclusiveAndMarginalFlagged(double value, MeasurementOutcome outcome, bool marginal)
    {
        MeasurementRecord record = Range.Judge(MeasuredValue.Of(value));

        Assert.Equal(outcome, record.Outcome);
        Assert.Equal(marginal, record.Marginal);
        Assert.Equal(1, record.Minimum);
        Assert.Equal(4, record.Maximum);
    }

    [Fact]
    public void Judge_EqualsAndMatches()
    {
        MeasurementSpec equals = new() { Name = "e", Field = "f", Expected = "idle" };
        MeasurementSpec number = new() { Name = "n", Field = "f", Expected = "1" };
        MeasurementSpec pattern = new() { Name = "p", Field = "f", Pattern = new Regex(@"^\d+\.\d+") };

        Assert.Equal(MeasurementOutcome.Pass, equals.Judge(MeasuredValue.Of("idle")).Outcome);
        Assert.Equal(MeasurementOutcome.Fail, equals.Judge(MeasuredValue.Of("running")).Outcome);
        Assert.Equal(MeasurementOutcome.Pass, number.Judge(MeasuredValue.Of(1.0)).Outcome);
        Assert.Equal(MeasurementOutcome.Fail, number.Judge(MeasuredValue.Of(2.0)).Outcome);
        Assert.Equal(MeasurementOutcome.Pass, pattern.Judge(MeasuredValue.Of("1.0.3")).Outcome);
        Assert.Equal(MeasurementOutcome.Fail, pattern.Judge(MeasuredValue.Of("dev")).Outcome);
        Assert.Equal(MeasurementOutcome.Fail, Range.Judge(MeasuredValue.Of("3")).Outcome);
        Assert.Equal(MeasurementOutcome.Unset, Range.Judge(null).Outcome);
    }

    [Theory]
    [InlineData(new[] { PhaseOutcome.Pass, PhaseOutcome.Pass }, false, RunOutcome.Pass)]
    [InlineData(new[] { PhaseOutcome.Pass, PhaseOutcome.Skipped }, false, RunOutcome.Pass)]
    [InlineData(new[] { PhaseOutcome.Fail, PhaseOutcome.Pass }, false, RunOutcome.Fail)]
    [InlineData(new[] { PhaseOutcome.Fail, PhaseOutcome.Timeout }, false, RunOutcome.Timeout)]
    [InlineData(new[] { PhaseOutcome.Timeout, PhaseOutcome.Error, PhaseOutcome.Fail }, false, RunOutcome.Error)]
    [InlineData(new[] { PhaseOutcome.Error, PhaseOutcome.Fail }, true, RunOutcome.Aborted)]
    [InlineData(new[] { PhaseOutcome.Pass, PhaseOutcome.Aborted }, false, RunOutcome.Aborted)]
    public void Combine_KeepsUnitFailuresApartFromStationProblems(PhaseOutcome[] phases, bool aborted, RunOutcome expected)
    {
        Assert.Equal(expected, OutcomeRules.Combine(phases, aborted));
    }

    [Fact]
    public async Task Run_UnitOutOfLimits_IsFailAndLaterPhasesStillRun()
    {
        TestRecord record = await RunAsync("""
            - name: a
              steps:
                - scripted: {value: 9}
                  measure: [{name: m, field: value, max: 5}]
            - name: b
              steps:
                - scripted: {value: 1}
                  measure: [{name: n, field: value, max: 5}]
            """);

        Assert.Equal(RunOutcome.Fail, record.Outcome);
        Assert.Equal([PhaseOutcome.Pass, PhaseOutcome.Fail, PhaseOutcome.Pass, PhaseOutcome.Pass], record.Phases.Select(phase => phase.Outcome));
        Assert.Contains("Failed measurements: m", record.OutcomeDetails, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StationError_IsErrorSkipsTheRestAndTeardownRuns()
    {
        ScriptedStepKind kind = new();
        TestRecord record = await RunAsync("""
            - name: a
              steps:
                - scripted: {throw: link, label: broken}
                  measure: [{name: m, field: value, max: 5}]
            - name: b
              steps:
                - scripted: {label: never}
                  measure: [{name: n, field: value, max: 5}]
            """, kind);

        Assert.Equal(RunOutcome.Error, record.Outcome);
        Assert.Equal([PhaseOutcome.Pass, PhaseOutcome.Error, PhaseOutcome.Skipped, PhaseOutcome.Pass], record.Phases.Select(phase => phase.Outcome));
        Assert.Contains("The link dropped.", record.Phases[1].Message, StringComparison.Ordinal);
        Assert.Equal(MeasurementOutcome.Unset, record.Phases[1].Measurements.Single().Outcome);
        Assert.Equal(MeasurementOutcome.Unset, record.Phases[2].Measurements.Single().Outcome);
        Assert.DoesNotContain("never", kind.Log);
        Assert.Equal("teardown", kind.Log[^1]);
    }

    [Fact]
    public async Task Run_FailingPhaseWithRetries_PassesOnALaterAttempt()
    {
        TestRecord record = await RunAsync("""
            - name: a
              retries: 2
              steps:
                - scripted: {fail-times: 2}
                  measure: [{name: m, field: value, max: 5}]
            """);

        Assert.Equal(RunOutcome.Pass, record.Outcome);
        Assert.Equal(3, record.Phases[1].Attempts);
    }

    [Fact]
    public async Task Run_PhaseOverItsTimeLimit_IsTimeout()
    {
        TestRecord record = await RunAsync("""
            - name: slow
              timeout-s: 0.1
              steps:
                - scripted: {hang: true}
            """);

        Assert.Equal(RunOutcome.Timeout, record.Outcome);
        Assert.Equal(PhaseOutcome.Timeout, record.Phases[1].Outcome);
        Assert.Contains("0.1 s limit", record.Phases[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CancelledByOperator_IsAbortedAndTeardownStillRuns()
    {
        ScriptedStepKind kind = new();
        using CancellationTokenSource cancel = new();
        kind.Hanging += cancel.Cancel; // the operator presses Ctrl-C while the step waits, however loaded the machine
        TestRecord record = await RunAsync("""
            - name: waiting
              steps:
                - scripted: {hang: true}
            """, kind, cancel.Token);

        Assert.Equal(RunOutcome.Aborted, record.Outcome);
        Assert.Equal(PhaseOutcome.Aborted, record.Phases[1].Outcome);
        Assert.Equal(PhaseOutcome.Pass, record.Phases[^1].Outcome);
        Assert.Equal("teardown", kind.Log[^1]);
    }

    [Fact]
    public async Task Run_UnexpectedException_IsErrorNamingTheExceptionType()
    {
        TestRecord record = await RunAsync("""
            - name: a
              steps:
                - scripted: {throw: bug}
            """);

        Assert.Equal(RunOutcome.Error, record.Outcome);
        Assert.Contains("InvalidOperationException", record.Phases[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StepFailure_StopsThePhaseAndLeavesLaterMeasurementsUnset()
    {
        TestRecord record = await RunAsync("""
            - name: a
              steps:
                - scripted: {fail-times: 1, label: first}
                - scripted: {label: second}
                  measure: [{name: later, field: value, max: 5}]
            """);

        Assert.Equal(RunOutcome.Fail, record.Outcome);
        Assert.Contains("the unit misbehaved", record.Phases[1].Message, StringComparison.Ordinal);
        Assert.Equal(MeasurementOutcome.Unset, record.Phases[1].Measurements.Single().Outcome);
    }

    private static async Task<TestRecord> RunAsync(string phases, ScriptedStepKind? kind = null, CancellationToken cancellationToken = default)
    {
        kind ??= new ScriptedStepKind();
        StepRegistry registry = StepRegistry.CreateDefault().Add(kind);
        string indented = string.Join("\n", phases.Split('\n').Select(line => "  " + line));
        TestPlan plan = PlanLoader.Parse($"plan: scripted\nsetup:\n  - connect\nphases:\n{indented}\nteardown:\n  - scripted: {{label: teardown}}\n", "scripted.yaml", registry);
        await using SimulatedWandLink link = new();
        return await new TestRunner().RunAsync(plan, link, null, null, cancellationToken);
    }
}
