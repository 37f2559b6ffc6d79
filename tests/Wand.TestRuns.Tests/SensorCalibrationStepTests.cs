using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Instruments;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The <c>calibrate-sensors</c> step (SR-18) through the station's fixture actions and its plan's windows.</summary>
public sealed class SensorCalibrationStepTests
{
    private static readonly TestPlan Plan = PlanRunning.Load("sensor-calibration.yaml");

    [Fact]
    public async Task SR18_TheSensorCalibrationStepThroughTheFixtureActionsWritesAVerifiedRecord()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { Seed = 41, SensorCalibrated = false });
        TestRunner runner = new(new RunOptions { StationId = "eol-01", HostVersion = string.Empty, FixtureActions = WorldFixtureActions.For(link) });

        // No in-process station fixture: the step drives the configured fixture actions (relays, supply and its meter).
        TestRecord record = await runner.RunAsync(Plan, link, null, null, CancellationToken.None);

        Assert.True(record.Outcome == RunOutcome.Pass, record.OutcomeDetails);
        Assert.True(link.Wand.Controller!.SensorsCalibrated);
        MeasurementRecord[] measurements = record.Phases.SelectMany(phase => phase.Measurements).ToArray();
        Assert.Equal(11, measurements.Length);
        Assert.InRange(measurements.Single(item => item.Name == "battery-verify-at-cutoff").NumericValue!.Value, -10, 10);
        Assert.Equal(4, measurements.Count(item => item.Name.EndsWith("-gain", StringComparison.Ordinal) || item.Name == "ntc-offset"));
    }

    [Fact]
    public async Task SR18_AUnitAlreadyCarryingARecordIsCalibratedAgainAndStaysWithinTheBudget()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { Seed = 42 });
        TestRunner runner = new(new RunOptions { StationId = "eol-01", HostVersion = string.Empty, FixtureActions = WorldFixtureActions.For(link) });

        TestRecord record = await runner.RunAsync(Plan, link, new SimulatedStationFixture(link), null, CancellationToken.None);

        Assert.True(record.Outcome == RunOutcome.Pass, record.OutcomeDetails);
        Assert.True(link.Wand.Controller!.SensorsCalibrated);
    }

    [Fact]
    public void HC4_SupplyVoltageLeftUnmapped_IsMeteredByTheSupplyItself()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              supply: {kind: dc-supply, address: "tcp://192.0.2.10:5025"}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: {instrument: supply}
              supply-current: {instrument: supply}
              usb-power: virtual
              button: virtual
              motor-voltage: virtual
              head-vibration: virtual
            """;

        StationConfiguration configuration = StationConfigurationLoader.Parse(Yaml, "station.yaml");

        Assert.Equal("supply", configuration.Actions["supply-voltage"].Instrument);
    }

    [Fact]
    public void HC4_SupplyVoltageOnAMultimeter_IsRefusedWithItsLocation()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              supply: {kind: dc-supply, address: "tcp://192.0.2.10:5025"}
              dmm: {kind: dmm, address: "tcp://192.0.2.11"}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: {instrument: supply}
              supply-current: {instrument: supply}
              supply-voltage: {instrument: dmm}
              usb-power: virtual
              button: virtual
              motor-voltage: virtual
              head-vibration: virtual
            """;

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => StationConfigurationLoader.Parse(Yaml, "station.yaml"));

        Assert.Contains(error.Errors, item => item.ToString().StartsWith("station.yaml:10:", StringComparison.Ordinal));
    }
}
