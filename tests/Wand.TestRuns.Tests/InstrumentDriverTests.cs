using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Instruments;
using Wand.Host.Instruments.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The SCPI drivers against the simulated instruments, and end-of-line through them (HC-4).</summary>
[Trait("Requirement", "HC-4")]
public sealed class InstrumentDriverTests
{
    [Fact]
    public async Task Supply_SetsTheCellAndMeasuresTheBoardCurrent()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("supply", station.Supply.Address, TimeSpan.FromSeconds(5), null, default);
        DcSupply supply = new(session);

        await supply.SetAsync(3.7, 0.5, default);

        SimulatedSupply model = (SimulatedSupply)station.Supply.Instrument;
        Assert.True(model.OutputOn);
        Assert.Equal(0.5, model.CurrentLimitAmperes, 6);
        Assert.Equal(3.7, await supply.MeasureVoltsAsync(default), 6);
        Assert.True(await supply.MeasureAmperesAsync(default) >= 0);
    }

    [Fact]
    public async Task Supply_InstrumentError_IsNamedWithInstrumentCommandAndReply()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("supply", station.Supply.Address, TimeSpan.FromSeconds(5), null, default);
        station.Supply.Instrument.Fault = InstrumentFault.ErrorOnNextCommand;

        InstrumentErrorException error = await Assert.ThrowsAsync<InstrumentErrorException>(() => new DcSupply(session).SetAsync(3.7, null, default));

        Assert.Equal("supply", error.Instrument);
        Assert.Equal("VOLT 3.700", error.Command);
        Assert.StartsWith("-222", error.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supply_OutOfRangeVoltage_IsAnInstrumentError()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("supply", station.Supply.Address, TimeSpan.FromSeconds(5), null, default);

        InstrumentErrorException error = await Assert.ThrowsAsync<InstrumentErrorException>(() => new DcSupply(session).SetAsync(5.0, null, default));

        Assert.Equal("VOLT 5.000", error.Command);
    }

    [Fact]
    public async Task Multimeter_Silent_TimesOutOnTheInjectedClock()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        ManualTimeProvider time = new();
        using TcpClient client = new();
        Uri address = new(station.Meter.Address);
        await client.ConnectAsync(address.Host, address.Port);
        await using ScpiSession session = new("dmm", station.Meter.Address, client.GetStream(), TimeSpan.FromSeconds(2), time);
        station.Meter.Instrument.Fault = InstrumentFault.Silent;

        Task timerCreated = time.TimerCreated;
        Task<double> reading = new DigitalMultimeter(session).ReadDcVoltsAsync(default);
        await timerCreated;
        time.FireAll();

        InstrumentTimeoutException error = await Assert.ThrowsAsync<InstrumentTimeoutException>(() => reading);
        Assert.Equal("dmm", error.Instrument);
        Assert.Equal("CONF:VOLT:DC", error.Command);
    }

    [Fact]
    public async Task Multimeter_ReadsTheMotorVoltage()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("dmm", station.Meter.Address, TimeSpan.FromSeconds(5), null, default);

        double volts = await new DigitalMultimeter(session).ReadDcVoltsAsync(default);

        Assert.Equal(station.Link.Wand.Board.MotorVolts, volts, 6);
    }

    [Fact]
    public async Task Switch_DisconnectMidRun_IsNamed()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("relays", station.Switch.Address, TimeSpan.FromSeconds(30), null, default);
        SwitchUnit relays = new(session);
        await relays.CloseAsync([301], default);
        station.Switch.Instrument.Fault = InstrumentFault.Disconnect;

        InstrumentDisconnectedException error = await Assert.ThrowsAsync<InstrumentDisconnectedException>(() => relays.OpenAsync([301], default));

        Assert.Equal("relays", error.Instrument);
        Assert.Equal("ROUT:OPEN (@301)", error.Command);
    }

    [Fact]
    public async Task Switch_ClosesHeadResistorsIntoTheVirtualWorld()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("relays", station.Switch.Address, TimeSpan.FromSeconds(5), null, default);

        await new SwitchUnit(session).CloseAsync([103], default);

        Assert.Equal([103], ((SimulatedSwitchUnit)station.Switch.Instrument).Closed.ToArray());
    }

    [Fact]
    public void Configuration_Errors_CarryFileLineAndColumn()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              supply: {kind: dc-supply, address: "ftp://nowhere"}
              dmm: {kind: oscilloscope, address: "tcp://192.0.2.1"}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: {instrument: dmm}
              supply-current: virtual
              usb-power: virtual
              button: virtual
              motor-voltage: virtual
            """;

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => StationConfigurationLoader.Parse(Yaml, "station.yaml"));

        string[] messages = error.Errors.Select(item => item.ToString()).ToArray();
        Assert.Contains(messages, message => message.StartsWith("station.yaml:3:", StringComparison.Ordinal) && message.Contains("tcp://", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("station.yaml:4:", StringComparison.Ordinal) && message.Contains("oscilloscope", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.Contains("head-vibration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndOfLine_ThroughSimulatedInstruments_PassesAndRecordsEveryIdentity()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        TestRecord record = await RunThroughInstrumentsAsync(station);

        Assert.True(record.Outcome == RunOutcome.Pass, record.OutcomeDetails);
        Assert.Equal(["supply", "dmm", "relays"], record.Instruments.Select(instrument => instrument.Name).ToArray());
        Assert.All(record.Instruments, instrument => Assert.StartsWith("WandSim,", instrument.Identity, StringComparison.Ordinal));
        Assert.Contains(((SimulatedSwitchUnit)station.Switch.Instrument).Closed, channel => channel == 101);
    }

    [Fact]
    public async Task EndOfLine_ThroughSimulatedInstruments_MiscalibratedMotorFailsTheAmplitudes()
    {
        await using SimulatedStation station = SimulatedStation.Start(Defects.MiscalibratedMotor);
        TestRecord record = await RunThroughInstrumentsAsync(station);

        Assert.Equal(RunOutcome.Fail, record.Outcome);
        List<string> failed = [.. record.Phases.SelectMany(phase => phase.Measurements).Where(measurement => measurement.Outcome == MeasurementOutcome.Fail).Select(measurement => measurement.Name)];
        Assert.Contains("level-1-amplitude", failed);
        Assert.All(failed, name => Assert.Contains("amplitude", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndOfLine_InstrumentErrorMidRun_EndsThePhaseInErrorNotFail()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        StationConfiguration configuration = station.Configuration();
        await using StationInstruments instruments = await StationInstruments.OpenAsync(configuration, Wand.Host.TestRuns.Running.WorldFixtureActions.For(station.Link), null, default);
        station.Meter.Instrument.Fault = InstrumentFault.ErrorOnNextCommand;

        TestRecord record = await new TestRunner(new RunOptions { FixtureActions = instruments.Actions, Instruments = instruments.Identities })
            .RunAsync(PlanRunning.Load("end-of-line.yaml"), station.Link, new SimulatedStationFixture(station.Link), null, default);

        Assert.Equal(RunOutcome.Error, record.Outcome);
        PhaseRecord levelDrive = Assert.Single(record.Phases, phase => phase.Name == "level-drive");
        Assert.Equal(PhaseOutcome.Error, levelDrive.Outcome);
        Assert.DoesNotContain(record.Phases, phase => phase.Outcome == PhaseOutcome.Fail);
    }

    private static async Task<TestRecord> RunThroughInstrumentsAsync(SimulatedStation station)
    {
        StationConfiguration configuration = station.Configuration();
        await using StationInstruments instruments = await StationInstruments.OpenAsync(configuration, Wand.Host.TestRuns.Running.WorldFixtureActions.For(station.Link), null, default);
        TestRunner runner = new(new RunOptions { StationId = configuration.StationId, FixtureActions = instruments.Actions, Instruments = instruments.Identities });
        return await runner.RunAsync(PlanRunning.Load("end-of-line.yaml"), station.Link, new SimulatedStationFixture(station.Link), null, default);
    }
}
