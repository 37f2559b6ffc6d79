using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.Host.Instruments;
using Wand.Host.Instruments.Simulated;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The DC supply's Siglent SPD3303X channel syntax and the simulated supply's current limit (HC-4).</summary>
[Trait("Requirement", "HC-4")]
public sealed class SupplyDialectTests
{
    [Fact]
    public async Task Siglent_SelectsAndSwitchesTheChannelByName()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("supply", station.Supply.Address, TimeSpan.FromSeconds(5), null, default);
        List<string> sent = [];
        station.Supply.Instrument.CommandReceived += (_, line) =>
        {
            lock (sent)
            {
                sent.Add(line);
            }
        };
        DcSupply supply = new(session, 1, SupplyDialect.Siglent);

        await supply.SetAsync(3.8, 1.5, default);
        double volts = await supply.MeasureVoltsAsync(default);

        Assert.Equal(3.8, volts, 6);
        Assert.True(((SimulatedSupply)station.Supply.Instrument).OutputOn);
        lock (sent)
        {
            Assert.Contains("INST CH1", sent);
            Assert.Contains("OUTP CH1,ON", sent);
            Assert.Contains("MEAS:VOLT? CH1", sent);
            Assert.DoesNotContain(sent, line => line.StartsWith("INST:NSEL", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Siglent_UnknownChannel_IsTheInstrumentsError()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("supply", station.Supply.Address, TimeSpan.FromSeconds(5), null, default);

        InstrumentErrorException error = await Assert.ThrowsAsync<InstrumentErrorException>(() => new DcSupply(session, 4, SupplyDialect.Siglent).SetAsync(3.8, null, default));

        Assert.Equal("INST CH4", error.Command);
    }

    [Fact]
    public async Task CurrentLimit_BelowTheLoad_PutsTheSupplyInConstantCurrentAndCollapsesTheCell()
    {
        await using SimulatedStation station = SimulatedStation.Start();
        await using ScpiSession session = await ScpiConnector.OpenAsync("supply", station.Supply.Address, TimeSpan.FromSeconds(5), null, default);
        DcSupply supply = new(session);
        await supply.SetAsync(3.9, 1.5, default);
        double load = await supply.MeasureAmperesAsync(default);
        Assert.True(load > 0, "the idle board draws current");

        await supply.SetAsync(3.9, load / 2, default);

        SimulatedSupply model = (SimulatedSupply)station.Supply.Instrument;
        Assert.True(model.ConstantCurrent);
        Assert.Equal(load / 2, await supply.MeasureAmperesAsync(default), 3);
        Assert.Equal(SimulatedSupply.CollapsedVolts, await supply.MeasureVoltsAsync(default), 6);
        Assert.True(station.Link.Wand.Board.Cell.TerminalVolts < 3.05, $"cell at {station.Link.Wand.Board.Cell.TerminalVolts} V");
    }

    [Fact]
    public void Configuration_Dialect_IsReadForASupplyAndRefusedElsewhere()
    {
        const string Yaml = """
            station: eol-01
            instruments:
              supply: {kind: dc-supply, address: "tcp://192.0.2.10", channel: 2, dialect: siglent}
              dmm: {kind: dmm, address: "tcp://192.0.2.11", dialect: siglent}
            actions:
              head-resistor: virtual
              ntc-substitute: virtual
              supply: {instrument: supply}
              supply-current: {instrument: supply}
              usb-power: virtual
              button: virtual
              motor-voltage: {instrument: dmm}
              head-vibration: virtual
            """;

        Wand.Host.TestRuns.Plans.PlanValidationException error = Assert.Throws<Wand.Host.TestRuns.Plans.PlanValidationException>(() => StationConfigurationLoader.Parse(Yaml, "station.yaml"));
        Assert.Contains(error.Errors, item => item.ToString().StartsWith("station.yaml:4:", StringComparison.Ordinal) && item.ToString().Contains("dc-supply only", StringComparison.Ordinal));

        StationConfiguration valid = StationConfigurationLoader.Parse(Yaml.Replace(", dialect: siglent}\n  head", "}\n  head", StringComparison.Ordinal).Replace("\"tcp://192.0.2.11\", dialect: siglent}", "\"tcp://192.0.2.11\"}", StringComparison.Ordinal), "station.yaml");
        Assert.Equal(SupplyDialect.Siglent, valid.Instruments["supply"].Dialect);
        Assert.Equal(2, valid.Instruments["supply"].Channel);
    }
}
