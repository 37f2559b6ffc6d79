using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The shipped end-of-line plan against healthy and defective virtual wands.</summary>
public sealed class EndOfLinePlanTests
{
    [Fact]
    public async Task EndOfLine_HealthyVirtualWand_PassesEveryMeasurement()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"));

        Assert.True(record.Outcome == RunOutcome.Pass, record.OutcomeDetails);
        Assert.All(record.Phases, phase => Assert.Equal(PhaseOutcome.Pass, phase.Outcome));
        List<MeasurementRecord> measurements = record.Phases.SelectMany(phase => phase.Measurements).ToList();
        Assert.True(measurements.Count >= 60, $"only {measurements.Count} measurements");
        Assert.All(measurements, measurement => Assert.Equal(MeasurementOutcome.Pass, measurement.Outcome));
        Assert.Equal("SIM-0001", record.DutSerial);
        Assert.Equal($"{Wand.Protocol.Messages.ProtocolVersion.CurrentMajor}.{Wand.Protocol.Messages.ProtocolVersion.CurrentMinor}", record.ProtocolVersion);
        Assert.NotEmpty(record.FirmwareRevision);
    }

    [Fact]
    public async Task EndOfLine_HealthyVirtualWand_CoversEveryRequiredArea()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"));

        string[] phases =
        [
            "setup", "identification", "heads", "level-drive", "quick-restart", "head-level-caps", "session-timer", "routine-pause-history", "thermal", "battery",
            "charging-interlock", "out-of-range-refusals", "factory-service-locked", "fault-log", "teardown",
        ];
        Assert.Equal(phases, record.Phases.Select(phase => phase.Name));
        HashSet<string> requirements = record.Phases.SelectMany(phase => phase.Requirements).ToHashSet();
        foreach (string requirement in new[] { "SR-3", "SR-4", "SR-5", "SR-6", "SR-7", "SR-8", "SR-9", "SR-13", "SR-14", "SR-15", "SR-17", "HD-4", "MD-2", "MD-6", "MD-7", "BP-6" })
        {
            Assert.Contains(requirement, requirements);
        }
    }

    [Fact]
    public async Task EndOfLine_RecordsDriveAndAmplitudeSeries()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"));

        SeriesRecord drive = Assert.Single(record.Series, series => series.Name == "drive-level");
        SeriesRecord amplitude = Assert.Single(record.Series, series => series.Name == "amplitude");
        Assert.True(drive.Points.Count > 20);
        Assert.True(amplitude.Points.Count > 20);
        Assert.True(drive.Points.Max(point => point.Value) >= 5 - 1e-9, "level 5 appears in the drive series");
    }

    [Fact]
    public async Task EndOfLine_MiscalibratedMotor_FailsEveryLevelAmplitudeAndNothingElse()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"), Defects.MiscalibratedMotor);

        Assert.Equal(RunOutcome.Fail, record.Outcome);
        // The quick-restart check measures level 1's amplitude too (MD-5).
        Assert.Equal(["level-drive", "quick-restart"], FailedPhases(record));
        Assert.Equal(["level-1-amplitude", "level-2-amplitude", "level-3-amplitude", "level-4-amplitude", "level-5-amplitude", "quick-restart-level-1-amplitude"], FailedMeasurements(record));
    }

    [Fact]
    public async Task EndOfLine_WrongHeadResistor_FailsThatHeadsRecognitionOnly()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"), null, Defects.WithWrongBristleBrushResistor);

        Assert.Equal(RunOutcome.Fail, record.Outcome);
        Assert.Equal(["heads", "head-level-caps"], FailedPhases(record));
        Assert.Equal(["bristle-brush-accept-time"], FailedMeasurements(record));
    }

    [Fact]
    public async Task EndOfLine_StuckThermalSensor_FailsTheThermalMeasurementsOnly()
    {
        await using SimulatedWandLink link = new();
        await Defects.StickThermalSensorAsync(link);

        TestRecord record = await new TestRunner(new RunOptions { FixtureActions = WorldFixtureActions.For(link) }).RunAsync(PlanRunning.Load("end-of-line.yaml"), link, new SimulatedStationFixture(link), null, default);

        Assert.Equal(RunOutcome.Fail, record.Outcome);
        Assert.Equal(["thermal"], FailedPhases(record));
        Assert.Equal(["ntc-reading-at-40c", "thermal-derate-detect-time"], FailedMeasurements(record));
    }

    [Fact]
    public async Task EndOfLine_AgainstRealHardware_IsRefusedBeforeAnythingRuns()
    {
        await using SimulatedWandLink link = new();
        RealHardwareLink hardware = new(link);

        var error = await Assert.ThrowsAsync<Wand.Host.TestRuns.Steps.StationInstrumentMissingException>(
            () => new TestRunner().RunAsync(PlanRunning.Load("end-of-line.yaml"), hardware, null, null, default));

        Assert.Contains("end-of-line.yaml:", error.Message);
        Assert.Contains("no fixture configured", error.Message);
        Assert.Equal(Wand.Host.Links.LinkState.Disconnected, link.State);
    }

    [Fact]
    public async Task Smoke_RunsOnRealHardwareWithoutWorldSteps()
    {
        // Without world controls time is the wall clock, as on hardware: the virtual wand keeps pace in real time.
        await using SimulatedWandLink link = new(new SimulatedWandOptions { ClockMode = SimulatedClockMode.RealTime });

        TestRecord record = await new TestRunner().RunAsync(PlanRunning.Load("smoke.yaml"), new RealHardwareLink(link), null, null, default);

        Assert.True(record.Outcome == RunOutcome.Pass, record.OutcomeDetails);
        Assert.False(record.VirtualDevice);
    }

    private static string[] FailedPhases(TestRecord record)
        => record.Phases.Where(phase => phase.Outcome != PhaseOutcome.Pass).Select(phase => phase.Name).ToArray();

    private static string[] FailedMeasurements(TestRecord record)
        => record.Phases.SelectMany(phase => phase.Measurements).Where(measurement => measurement.Outcome == MeasurementOutcome.Fail).Select(measurement => measurement.Name).ToArray();
}
