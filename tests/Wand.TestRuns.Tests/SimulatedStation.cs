using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.Host.Instruments;
using Wand.Host.Instruments.Simulated;
using Wand.Host.Links.Simulated;

namespace Wand.TestRuns.Tests;

/// <summary>
/// A virtual wand with the station's simulated instruments on loopback TCP (supply, DMM, switch unit) and the station
/// configuration a real line would use for them.
/// </summary>
internal sealed class SimulatedStation : IAsyncDisposable
{
    private static readonly Dictionary<int, double> HeadChannels = new() { [101] = 2490, [102] = 6650, [103] = 15000, [104] = 0 };
    private static readonly Dictionary<int, double> NtcChannels = new() { [201] = 10000, [202] = 5989.4, [203] = 5520.1, [204] = 5301.5, [205] = 4992.1 };

    private SimulatedStation(SimulatedWandLink link, SimulatedInstrumentServer supply, SimulatedInstrumentServer meter, SimulatedInstrumentServer switchUnit)
    {
        Link = link;
        Supply = supply;
        Meter = meter;
        Switch = switchUnit;
    }

    public SimulatedWandLink Link { get; }

    public SimulatedInstrumentServer Supply { get; }

    public SimulatedInstrumentServer Meter { get; }

    public SimulatedInstrumentServer Switch { get; }

    public string ConfigurationYaml => $$$"""
        station: eol-sim
        timeout-ms: 5000
        instruments:
          supply: {kind: dc-supply, address: "{{{Supply.Address}}}"}
          dmm: {kind: dmm, address: "{{{Meter.Address}}}"}
          relays: {kind: switch, address: "{{{Switch.Address}}}"}
        actions:
          head-resistor: {instrument: relays, channels: {2490: 101, 6650: 102, 15000: 103, short: 104}}
          ntc-substitute: {instrument: relays, channels: {10000: 201, 5989.4: 202, 5520.1: 203, 5301.5: 204, 4992.1: 205}}
          supply: {instrument: supply}
          supply-current: {instrument: supply}
          usb-power: {instrument: relays, channel: 301}
          button: {instrument: relays, channel: 302}
          motor-voltage: {instrument: dmm}
          head-vibration: virtual
        """;

    public static SimulatedStation Start(SimulatedWandOptions? options = null)
    {
        SimulatedWandLink link = new(options);
        SimulatedInstrumentServer supply = new(new SimulatedSupply(link, () => link.Wand.Board.Cell.CurrentAmperes));
        SimulatedInstrumentServer meter = new(new SimulatedMultimeter(() => link.Wand.Board.MotorVolts));
        SimulatedInstrumentServer switchUnit = new(new SimulatedSwitchUnit(link, HeadChannels, NtcChannels, 301, 302));
        return new SimulatedStation(link, supply, meter, switchUnit);
    }

    public StationConfiguration Configuration() => StationConfigurationLoader.Parse(ConfigurationYaml, "station.yaml");

    public async ValueTask DisposeAsync()
    {
        await Supply.DisposeAsync();
        await Meter.DisposeAsync();
        await Switch.DisposeAsync();
        await Link.DisposeAsync();
    }
}
