using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Wand.Host.Serving;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// The simulated instruments of an end-of-line station around one served virtual wand, each on its own loopback TCP
/// port: the battery-emulating DC supply, the DMM across the motor, the switch unit (head ID resistors, NTC
/// substitutes, USB power, button) and the jig accelerometer behind a serial bridge. <see cref="ConfigurationYaml"/>
/// is the station configuration a line would write for them (hardware/station-fixture.md).
/// </summary>
public sealed class SimulatedInstrumentBench : IAsyncDisposable
{
    /// <summary>Head ID resistor per switch channel, in ohms (0 is the short), as the fixture is wired.</summary>
    public static readonly IReadOnlyDictionary<int, double> HeadChannels = new Dictionary<int, double> { [101] = 2490, [102] = 6650, [103] = 15000, [104] = 0 };

    /// <summary>NTC substitute per switch channel, in ohms: 25, 37, 39, 40 and 41.5 °C on the board's NTC.</summary>
    public static readonly IReadOnlyDictionary<int, double> NtcChannels = new Dictionary<int, double> { [201] = 10000, [202] = 5989.4, [203] = 5520.1, [204] = 5301.5, [205] = 4992.1, [206] = 5110 };

    /// <summary>The USB power relay's channel.</summary>
    public const int UsbChannel = 301;

    /// <summary>The button relay's channel.</summary>
    public const int ButtonChannel = 302;

    private SimulatedInstrumentBench(SimulatedInstrumentServer supply, SimulatedInstrumentServer meter, SimulatedInstrumentServer switchUnit, SimulatedJigServer jig)
    {
        Supply = supply;
        Meter = meter;
        Switch = switchUnit;
        Jig = jig;
    }

    /// <summary>Gets the DC supply's server.</summary>
    public SimulatedInstrumentServer Supply { get; }

    /// <summary>Gets the DMM's server.</summary>
    public SimulatedInstrumentServer Meter { get; }

    /// <summary>Gets the switch unit's server.</summary>
    public SimulatedInstrumentServer Switch { get; }

    /// <summary>Gets the jig accelerometer's serial bridge.</summary>
    public SimulatedJigServer Jig { get; }

    /// <summary>Starts every instrument, wired to a served wand.</summary>
    /// <param name="host">The served wand.</param>
    /// <returns>The running bench.</returns>
    public static SimulatedInstrumentBench Start(VirtualWandHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        HostWorldControl world = new(host);
        SimulatedInstrumentServer supply = new(new SimulatedSupply(world, () => host.Execute((wand, _) => wand.Board.Cell.CurrentAmperes)));
        SimulatedInstrumentServer meter = new(new SimulatedMultimeter(() => host.Execute((wand, _) => wand.Board.MotorVolts)));
        SimulatedInstrumentServer switchUnit = new(new SimulatedSwitchUnit(world, HeadChannels, NtcChannels, UsbChannel, ButtonChannel));
        SimulatedJigServer jig = new(new HostVibrationSensor(host));
        return new SimulatedInstrumentBench(supply, meter, switchUnit, jig);
    }

    /// <summary>Gives the station configuration for these instruments.</summary>
    /// <param name="stationId">The station's ID.</param>
    /// <returns>The YAML text.</returns>
    public string ConfigurationYaml(string stationId) => string.Create(CultureInfo.InvariantCulture, $$$"""
        # Station configuration for the simulated instruments of 'wand sim station' (hardware/station-fixture.md).
        station: {{{stationId}}}
        timeout-ms: 5000
        instruments:
          supply: {kind: dc-supply, address: "{{{Supply.Address}}}"}
          dmm:    {kind: dmm, address: "{{{Meter.Address}}}"}
          relays: {kind: switch, address: "{{{Switch.Address}}}"}
          jig:    {kind: jig, address: "{{{Jig.Address}}}"}
        actions:
          head-resistor:  {instrument: relays, channels: {2490: 101, 6650: 102, 15000: 103, short: 104} }
          ntc-substitute: {instrument: relays, channels: {10000: 201, 5989.4: 202, 5520.1: 203, 5301.5: 204, 4992.1: 205, 5110: 206} }
          supply:         {instrument: supply}
          supply-current: {instrument: supply}
          supply-voltage: {instrument: supply}
          usb-power:      {instrument: relays, channel: {{{UsbChannel}}} }
          button:         {instrument: relays, channel: {{{ButtonChannel}}} }
          motor-voltage:  {instrument: dmm}
          head-vibration: {instrument: jig, window-ms: 20}

        """);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Supply.DisposeAsync().ConfigureAwait(false);
        await Meter.DisposeAsync().ConfigureAwait(false);
        await Switch.DisposeAsync().ConfigureAwait(false);
        await Jig.DisposeAsync().ConfigureAwait(false);
    }
}
