using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Fixture;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>HC-5: the serial the operator scanned is checked against the unit before setup drives the fixture.</summary>
[Trait("Requirement", "HC-5")]
public sealed class SerialCheckTests
{
    [Fact]
    public async Task HC5_ScannedSerialOfAnotherUnit_IsCheckedBeforeSetupDrivesTheFixture()
    {
        await using SimulatedWandLink link = new();
        PhaseWatch phases = new();
        RecordingFixture fixture = new(new WorldFixtureActions(link, link), phases);
        TestRunner runner = new(new RunOptions { StationId = "eol-01", DutSerial = "NOT-THIS-ONE", ExpectedSerial = "NOT-THIS-ONE", FixtureActions = fixture });

        TestRecord record = await runner.RunAsync(PlanRunning.Load("end-of-line.yaml"), link, new SimulatedStationFixture(link), phases, default);

        Assert.Equal(RunOutcome.Error, record.Outcome);
        Assert.Equal(("setup", PhaseOutcome.Skipped), (record.Phases[0].Name, record.Phases[0].Outcome));
        Assert.Equal(("serial-check", PhaseOutcome.Error), (record.Phases[1].Name, record.Phases[1].Outcome));
        Assert.Contains("'SIM-0001'", record.Phases[1].Message, System.StringComparison.Ordinal);
        Assert.Equal(PhaseOutcome.Pass, record.Phases[^1].Outcome);

        // Only teardown, which puts the fixture back in its safe state, touched the fixture.
        Assert.NotEmpty(fixture.Calls);
        Assert.All(fixture.Calls, call => Assert.Equal("teardown", call.Phase));
    }

    [Fact]
    public async Task HC5_ScannedSerialOfThisUnit_RunsSetupAndThePlan()
    {
        await using SimulatedWandLink link = new();
        PhaseWatch phases = new();
        RecordingFixture fixture = new(new WorldFixtureActions(link, link), phases);
        TestRunner runner = new(new RunOptions { StationId = "eol-01", DutSerial = "SIM-0001", ExpectedSerial = "SIM-0001", FixtureActions = fixture });

        TestRecord record = await runner.RunAsync(PlanRunning.Load("smoke.yaml"), link, new SimulatedStationFixture(link), phases, default);

        Assert.Equal(RunOutcome.Pass, record.Outcome);
        Assert.Equal("setup", record.Phases[0].Name);
        Assert.DoesNotContain(record.Phases, phase => phase.Name == "serial-check");
    }

    /// <summary>Which phase is running, from the runner's progress.</summary>
    private sealed class PhaseWatch : ITestRunProgress
    {
        public string Current { get; private set; } = string.Empty;

        public void RunStarted(TestPlan plan, string deviceAddress)
        {
        }

        public void PhaseStarted(PhasePlan phase, int attempt) => Current = phase.Name;

        public void StepStarted(PhasePlan phase, StepPlan planStep)
        {
        }

        public void MeasurementJudged(PhasePlan phase, MeasurementRecord measurement)
        {
        }

        public void PhaseFinished(PhaseRecord phase)
        {
        }

        public void RunFinished(TestRecord record)
        {
        }
    }

    /// <summary>The virtual world's fixture actions, noting each action with the phase it came in.</summary>
    private sealed class RecordingFixture(IFixtureActions world, PhaseWatch phases) : IFixtureActions
    {
        public List<(string Phase, string Action)> Calls { get; } = [];

        public Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken) => Note("head", world.SelectHeadResistorAsync(ohms, cancellationToken));

        public Task SelectNtcSubstituteAsync(double? ohms, CancellationToken cancellationToken) => Note("ntc", world.SelectNtcSubstituteAsync(ohms, cancellationToken));

        public Task SetSupplyAsync(double volts, double? currentLimitAmperes, CancellationToken cancellationToken) => Note("supply", world.SetSupplyAsync(volts, currentLimitAmperes, cancellationToken));

        public Task<double> MeasureSupplyCurrentAsync(CancellationToken cancellationToken) => Note("supply-current", world.MeasureSupplyCurrentAsync(cancellationToken));

        public Task<double> MeasureSupplyVoltsAsync(CancellationToken cancellationToken) => Note("supply-voltage", world.MeasureSupplyVoltsAsync(cancellationToken));

        public Task SetUsbPowerAsync(bool powered, CancellationToken cancellationToken) => Note("usb", world.SetUsbPowerAsync(powered, cancellationToken));

        public Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken) => Note("button", world.PressButtonAsync(milliseconds, cancellationToken));

        public Task<double> MeasureMotorVoltsAsync(CancellationToken cancellationToken) => Note("motor-voltage", world.MeasureMotorVoltsAsync(cancellationToken));

        public Task<double> MeasureHeadVibrationAsync(CancellationToken cancellationToken) => Note("head-vibration", world.MeasureHeadVibrationAsync(cancellationToken));

        private T Note<T>(string action, T result)
        {
            Calls.Add((phases.Current, action));
            return result;
        }
    }
}
