using System;
using System.Linq;
using System.Threading.Tasks;
using Wand.Host.Calibration.Jig;
using Wand.Host.Instruments;
using Wand.Host.Instruments.Simulated;
using Wand.Host.Serving;
using Wand.Host.TestRuns.Plans;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The jig accelerometer as the station's head-vibration instrument, against the simulated jig behind a TCP serial bridge (HC-4).</summary>
[Trait("Requirement", "HC-4")]
public sealed class JigInstrumentTests : IDisposable
{
    private readonly VirtualWandHost host = new(new VirtualWandHostOptions { Stepped = true });

    /// <summary>
    /// The simulated jig answers from this test process, which a loaded CI machine may hold back for longer than the
    /// protocol's 500 ms: a reply allowance that only a jig that never answers exceeds.
    /// </summary>
    private const int LoadedMachineMargin = 10_000;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Jig_IdentifiesItselfAndReadsTheHeadAccelerometer()
    {
        await using SimulatedJigServer server = new(new HostVibrationSensor(host));
        await using JigAccelerometer jig = await JigAccelerometer.OpenAsync("jig", server.Address, default, LoadedMachineMargin);

        double amplitude = await jig.MeasureAmplitudeAsync(20, default);

        // The motor is at rest: the reading is the accelerometer's noise floor, well under level 1's 0.0543 g minimum.
        Assert.Contains("SIMJIG", jig.Identity, StringComparison.Ordinal);
        Assert.InRange(amplitude, 0, 0.02);
    }

    [Fact]
    public async Task Jig_SensorError_IsAnInstrumentErrorNamingTheRequestAndTheReply()
    {
        await using SimulatedJigServer server = new(new HostVibrationSensor(host));
        await using JigAccelerometer jig = await JigAccelerometer.OpenAsync("jig", server.Address, default, LoadedMachineMargin);
        server.Fault = SimulatedJigFault.SensorError;

        InstrumentException error = await Assert.ThrowsAsync<InstrumentException>(() => jig.MeasureAmplitudeAsync(20, default));

        Assert.Equal("jig", error.Instrument);
        Assert.Equal("MEASURE 20", error.Command);
        Assert.Contains("ERR SENSOR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jig_Silent_TimesOutNamingTheRequest()
    {
        await using SimulatedJigServer server = new(new HostVibrationSensor(host));
        await using JigAccelerometer jig = await JigAccelerometer.OpenAsync("jig", server.Address, default, LoadedMachineMargin);
        server.Fault = SimulatedJigFault.Silent;

        // The jig never answers: the wait is the whole reply window (window + the allowance), not a margin.
        InstrumentException error = await Assert.ThrowsAsync<InstrumentException>(() => jig.MeasureAmplitudeAsync(5, default));

        Assert.Equal("MEASURE 5", error.Command);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jig_DisconnectMidRun_IsAnInstrumentError()
    {
        SimulatedJigServer server = new(new HostVibrationSensor(host));
        await using JigAccelerometer jig = await JigAccelerometer.OpenAsync("jig", server.Address, default, LoadedMachineMargin);
        await jig.MeasureAmplitudeAsync(5, default);

        await server.DisposeAsync();
        InstrumentException error = await Assert.ThrowsAsync<InstrumentException>(() => jig.MeasureAmplitudeAsync(5, default));

        Assert.Equal("jig", error.Instrument);
        Assert.Contains("failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jig_NothingListening_IsNamedAtOpen()
    {
        SimulatedJigServer server = new(new HostVibrationSensor(host));
        string address = server.Address;
        await server.DisposeAsync();

        InstrumentException error = await Assert.ThrowsAsync<InstrumentDisconnectedException>(() => JigAccelerometer.OpenAsync("jig", address, default));

        Assert.Equal("connect " + address, error.Command);
    }

    [Fact]
    public void Configuration_HeadVibrationOnADmm_IsRefusedWithItsPlace()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              dmm: {kind: dmm, address: "tcp://192.0.2.1"}
              jig: {kind: jig, address: "serial:/dev/ttyUSB1"}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: virtual
              supply-current: virtual
              usb-power: virtual
              button: virtual
              motor-voltage: {instrument: jig}
              head-vibration: {instrument: dmm, window-ms: 1}
            """;

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => StationConfigurationLoader.Parse(Yaml, "station.yaml"));

        string[] messages = [.. error.Errors.Select(item => item.ToString())];
        Assert.Contains(messages, message => message.StartsWith("station.yaml:12:", StringComparison.Ordinal) && message.Contains("needs a dmm, but 'jig' is a jig", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("station.yaml:13:", StringComparison.Ordinal) && message.Contains("needs a jig, but 'dmm' is a dmm", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_JigWithWindow_IsRead()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              jig: {kind: jig, address: "serial:/dev/ttyUSB1@115200"}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: virtual
              supply-current: virtual
              usb-power: virtual
              button: virtual
              motor-voltage: virtual
              head-vibration: {instrument: jig, window-ms: 50}
            """;

        StationConfiguration configuration = StationConfigurationLoader.Parse(Yaml, "station.yaml");

        Assert.Equal(50, configuration.Actions["head-vibration"].WindowMilliseconds);
        Assert.Equal("/dev/ttyUSB1", JigAccelerometer.LineAddress(configuration.Instruments["jig"].Address));
    }

    [Fact]
    public void Configuration_JigReplyMarginAndFactoryStrap_AreRead()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              relays: {kind: switch, address: "tcp://192.0.2.2"}
              jig: {kind: jig, address: "tcp://192.0.2.3:4001", reply-margin-ms: 2500}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: virtual
              supply-current: virtual
              usb-power: virtual
              button: virtual
              motor-voltage: virtual
              head-vibration: {instrument: jig}
              factory-strap: {instrument: relays, channel: 303}
            """;

        StationConfiguration configuration = StationConfigurationLoader.Parse(Yaml, "station.yaml");

        Assert.Equal(2500, configuration.Instruments["jig"].ReplyMarginMilliseconds);
        Assert.Null(configuration.Instruments["relays"].ReplyMarginMilliseconds);
        Assert.Equal(303, configuration.Actions["factory-strap"].Channel);
    }

    [Fact]
    public void Configuration_BadReplyMarginAndStrap_AreRefusedWithTheirPlaces()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              dmm: {kind: dmm, address: "tcp://192.0.2.1", reply-margin-ms: 100}
              jig: {kind: jig, address: "serial:/dev/ttyUSB1", reply-margin-ms: 0}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: virtual
              supply-current: virtual
              usb-power: virtual
              button: virtual
              motor-voltage: {instrument: dmm}
              head-vibration: {instrument: jig}
              factory-strap: {instrument: dmm, channel: 303}
            """;

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => StationConfigurationLoader.Parse(Yaml, "station.yaml"));

        string[] messages = [.. error.Errors.Select(item => item.ToString())];
        Assert.Contains(messages, message => message.StartsWith("station.yaml:3:", StringComparison.Ordinal) && message.Contains("'reply-margin-ms' applies to a jig only", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("station.yaml:4:", StringComparison.Ordinal) && message.Contains("reply-margin-ms", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("station.yaml:14:", StringComparison.Ordinal) && message.Contains("needs a switch, but 'dmm' is a dmm", StringComparison.Ordinal));
    }
}
