using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Calibration;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Running;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;
using Wand.Simulation;
using Xunit;

namespace Wand.Calibration.Tests;

public class SensorCalibrationProcedureTests
{
    [Theory]
    [InlineData(3UL)]
    [InlineData(17UL)]
    [InlineData(4242UL)]
    public async Task SR18_TheStationFitsGainAndOffsetThroughTheFactoryServiceWritesReadsBackAndVerifies(ulong seed)
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { Seed = seed, FactoryMode = true, SensorCalibrated = false });
        await link.ConnectAsync();
        SensorCalibrationClient client = new(link);
        Assert.NotEqual(0, (int)((await client.ReadStatusAsync(CancellationToken.None)).Flags & StatusIndicators.SensorCalibrationMissing));

        SensorCalibrationResult result = await new SensorCalibrationProcedure(client, new SimulatedSensorFixture(link)).RunAsync(3.9, CancellationToken.None);

        Assert.Equal(0, (int)((await client.ReadStatusAsync(CancellationToken.None)).Flags & StatusIndicators.SensorCalibrationMissing));
        Assert.True(link.Wand.Controller!.SensorsCalibrated);
        Assert.Equal(SafetyLimits.DefaultTripMillidegrees, link.Wand.Controller.Limits.TripMillidegrees);
        Assert.InRange(Math.Abs(result.TemperatureErrorKelvin), 0, SensorCalibrationProcedure.VerifyKelvin);

        // The measured fit is close to what a perfect station would have written for this board.
        SensorCalibrationRecord ideal = FactorySensorCalibration.For(link.Wand.Board);
        for (int channel = 0; channel < SensorCalibrationRecord.ChannelCount; channel++)
        {
            Assert.InRange(result.Record.GainMicros(channel) - ideal.GainMicros(channel), -3000, 3000);
        }

        // The NTC is back in place and reads the head again.
        Assert.Null(link.Wand.Board.HeadTemperature.SubstituteOhms);
    }

    [Fact]
    public async Task SR18_AWrongBatteryDividerResistorFailsTheSensorCalibrationNamingTheMeasurement()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { Seed = 5, FactoryMode = true, SensorCalibrated = false });
        await link.ConnectAsync();
        SensorCalibrationClient client = new(link);
        WrongDividerFixture fixture = new(new SimulatedSensorFixture(link), 1.08);
        SensorCalibrationException failure = await Assert.ThrowsAsync<SensorCalibrationException>(
            () => new SensorCalibrationProcedure(client, fixture).RunAsync(3.9, CancellationToken.None));
        Assert.Equal("sensor-gain-agreement", failure.Measurement);
        Assert.False(link.Wand.Controller!.SensorsCalibrated);
    }

    [Fact]
    public async Task SR18_SR15_OutsideFactoryModeTheSensorCalibrationIsRefusedAndNothingIsWritten()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { Seed = 9, FactoryMode = false, SensorCalibrated = false });
        await link.ConnectAsync();
        SensorCalibrationClient client = new(link);
        await Assert.ThrowsAnyAsync<Exception>(() => new SensorCalibrationProcedure(client, new SimulatedSensorFixture(link)).RunAsync(3.9, CancellationToken.None));
        Assert.Equal(0, link.Wand.Board.Storage.Read(Wand.Core.Hardware.StorageSlot.SensorCalibration, new byte[64]));
    }

    /// <summary>A supply meter that reads a factor off, as a battery divider with a wrong resistor looks to the fit.</summary>
    private sealed class WrongDividerFixture(SimulatedSensorFixture inner, double factor) : Wand.Host.Calibration.Sensors.ISensorCalibrationFixture
    {
        public Task SubstituteThermistorAsync(double? ohms, CancellationToken cancellationToken) => inner.SubstituteThermistorAsync(ohms, cancellationToken);

        public async Task<double> SetSupplyAsync(double volts, CancellationToken cancellationToken) => await inner.SetSupplyAsync(volts, cancellationToken) * factor;

        public Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken) => inner.SelectHeadResistorAsync(ohms, cancellationToken);

        public Task WaitAsync(int milliseconds, CancellationToken cancellationToken) => inner.WaitAsync(milliseconds, cancellationToken);
    }
}
