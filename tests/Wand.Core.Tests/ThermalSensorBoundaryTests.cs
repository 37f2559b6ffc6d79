using System;
using Wand.Core.Board;
using Wand.Core.Monitors;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The head temperature sensor (SR-7) at the edges of what it may report: the plausible range includes its ends, a
/// full-scale (open) or zero (shorted) reading and a resistance below what the NTC law can give are no temperature, a
/// sensor fault is never reported as derating, and a trip point lowered below the last reading allows no drive before the
/// next sample.
/// </summary>
public class ThermalSensorBoundaryTests
{
    private static readonly ThermistorParameters Ntc = BoardProfile.CreateDefault().Thermistor;

    [Theory]
    [InlineData(SafetyLimits.MinimumPlausibleMillidegrees)]
    [InlineData(SafetyLimits.MaximumPlausibleMillidegrees)]
    public void SR7_AReadingAtEitherEndOfThePlausibleRangeIsATemperature(int millidegrees)
    {
        // A pull-up (within a few percent of the default) for which one reading converts to exactly the end of the range.
        (ThermistorParameters parameters, int counts) = ExactReading(millidegrees);
        ThermalMonitor monitor = new(parameters, new SafetyLimits());

        monitor.Sample(counts, 0);

        Assert.False(monitor.SensorFault);
        Assert.Equal(millidegrees, monitor.Millidegrees);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AnalogScaling.MaximumCounts)]
    public void SR7_AShortedOrOpenSensorReadingIsNoTemperature(int counts)
    {
        Assert.False(new ThermistorConverter(Ntc).TryConvert(counts, out int millidegrees));
        Assert.Equal(0, millidegrees);
    }

    [Fact]
    public void SR7_AResistanceBelowWhatTheNtcLawCanGiveIsNoTemperature()
    {
        // With B = 500 K the law gives a non-positive absolute temperature below 10 kΩ · e^(−500/298.15) ≈ 1.9 kΩ.
        ThermistorConverter converter = new(new ThermistorParameters(10000, 25000, 500, 10000));

        Assert.False(converter.TryConvert(100, out int millidegrees));
        Assert.Equal(0, millidegrees);
    }

    [Fact]
    public void SR7_ASensorFaultAfterAWarmReadingIsNotReportedAsDerating()
    {
        ThermalMonitor monitor = new(Ntc, new SafetyLimits());
        monitor.Sample(CountsAtOrBelow(SafetyLimits.DefaultDerateStartMillidegrees + 1000), 0);
        Assert.True(monitor.Derating);

        monitor.Sample(0, 250);

        Assert.True(monitor.SensorFault);
        Assert.False(monitor.Derating);
        Assert.Equal(0f, monitor.DerateFactor());
    }

    [Fact]
    public void SR7_ATripPointLoweredBelowTheLastReadingAllowsNoDriveBeforeTheNextSample()
    {
        SafetyLimits limits = new();
        ThermalMonitor monitor = new(Ntc, limits);
        monitor.Sample(CountsAtOrBelow(SafetyLimits.DefaultDerateStartMillidegrees + 500), 0);
        Assert.True(monitor.DerateFactor() > 0f);

        Assert.True(limits.TryTightenThermal(30000, 32000, 28000));

        Assert.False(monitor.Tripped);
        Assert.Equal(0f, monitor.DerateFactor());
    }

    [Fact]
    public void SR7_BelowTheDerateStartTheFullLevelIsAllowed()
    {
        ThermalMonitor monitor = new(Ntc, new SafetyLimits());
        monitor.Sample(CountsAtOrBelow(25000), 0);

        Assert.False(monitor.Derating);
        Assert.Equal(1f, monitor.DerateFactor());
    }

    private static (ThermistorParameters Parameters, int Counts) ExactReading(int millidegrees)
    {
        for (int pullUp = 10000; pullUp < 11000; pullUp++)
        {
            ThermistorParameters parameters = new(Ntc.NominalOhms, Ntc.ReferenceMillidegrees, Ntc.BetaKelvin, pullUp);
            ThermistorConverter converter = new(parameters);
            for (int counts = 1; counts < AnalogScaling.MaximumCounts; counts++)
            {
                if (converter.TryConvert(counts, out int value) && value == millidegrees)
                {
                    return (parameters, counts);
                }
            }
        }

        throw new InvalidOperationException($"no reading converts to exactly {millidegrees} m°C");
    }

    /// <summary>The reading whose temperature is the highest at or below the given one (counts fall as it warms).</summary>
    private static int CountsAtOrBelow(int millidegrees)
    {
        for (int counts = 1; counts < AnalogScaling.MaximumCounts; counts++)
        {
            if (new ThermistorConverter(Ntc).TryConvert(counts, out int value) && value <= millidegrees)
            {
                return counts;
            }
        }

        throw new InvalidOperationException($"no reading at or below {millidegrees} m°C");
    }
}
