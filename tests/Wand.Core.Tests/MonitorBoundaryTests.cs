using Wand.Core.Board;
using Wand.Core.Monitors;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The thermal (SR-7) and battery (SR-8) monitors at their exact thresholds and settle times. Thermal thresholds are
/// tightened to the temperature a given reading converts to, so every comparison is tested at equality; battery readings
/// are chosen so the filtered cell voltage lands exactly on a threshold.
/// </summary>
public class MonitorBoundaryTests
{
    private const int DividerPerMille = 500;
    private static readonly ThermistorParameters Ntc = BoardProfile.CreateDefault().Thermistor;

    [Fact]
    public void SR7_BeforeItsFirstSampleTheThermalMonitorInhibitsTheDrive()
    {
        ThermalMonitor monitor = new(Ntc, new SafetyLimits());

        Assert.True(monitor.InhibitsDrive);
        Assert.False(monitor.Derating);
        Assert.Equal(0f, monitor.DerateFactor());
        Assert.True(monitor.IsSampleDue(0));
    }

    [Fact]
    public void SR7_TheNextTemperatureSampleIsDueOnePeriodAfterTheLast()
    {
        ThermalMonitor monitor = new(Ntc, new SafetyLimits());
        monitor.Sample(CountsAtOrBelow(25000), 1000);

        Assert.False(monitor.IsSampleDue(1000 + SafetyLimits.ThermalSamplePeriodMilliseconds - 1));
        Assert.True(monitor.IsSampleDue(1000 + SafetyLimits.ThermalSamplePeriodMilliseconds));
    }

    [Fact]
    public void SR7_TheTripActsAtExactlyTheTripTemperature()
    {
        int counts = CountsAtOrBelow(SafetyLimits.DefaultTripMillidegrees);
        int trip = Convert(counts);
        SafetyLimits limits = new();
        Assert.True(limits.TryTightenThermal(trip - 2000, trip, trip - 3000));
        ThermalMonitor monitor = new(Ntc, limits);

        monitor.Sample(CountsAtOrBelow(trip - 1), 0);
        Assert.False(monitor.Tripped);
        Assert.False(monitor.InhibitsDrive);

        monitor.Sample(counts, 250);
        Assert.Equal(trip, monitor.Millidegrees);
        Assert.True(monitor.Tripped);
        Assert.True(monitor.InhibitsDrive);
        Assert.Equal(0f, monitor.DerateFactor());
    }

    [Fact]
    public void SR7_AfterATripTheDriveIsAllowedOnlyBelowTheRestartTemperature()
    {
        int restartCounts = CountsAtOrBelow(SafetyLimits.DefaultThermalRestartMillidegrees);
        int restart = Convert(restartCounts);
        SafetyLimits limits = new();
        Assert.True(limits.TryTightenThermal(SafetyLimits.DefaultDerateStartMillidegrees, SafetyLimits.DefaultTripMillidegrees, restart));
        ThermalMonitor monitor = new(Ntc, limits);

        monitor.Sample(CountsAtOrBelow(42000), 0);
        Assert.True(monitor.Tripped);

        monitor.Sample(restartCounts, 250);
        Assert.Equal(restart, monitor.Millidegrees);
        Assert.True(monitor.Tripped);

        monitor.Sample(CountsAtOrBelow(restart - 1), 500);
        Assert.False(monitor.Tripped);
        Assert.False(monitor.InhibitsDrive);
    }

    [Fact]
    public void SR7_DeratingStartsAboveTheDerateTemperatureAndFallsLinearlyToTheTrip()
    {
        int derateCounts = CountsAtOrBelow(SafetyLimits.DefaultDerateStartMillidegrees);
        int derate = Convert(derateCounts);
        SafetyLimits limits = new();
        Assert.True(limits.TryTightenThermal(derate, SafetyLimits.DefaultTripMillidegrees, SafetyLimits.DefaultThermalRestartMillidegrees));
        ThermalMonitor monitor = new(Ntc, limits);

        monitor.Sample(derateCounts, 0);
        Assert.False(monitor.Derating);
        Assert.Equal(1f, monitor.DerateFactor());

        int warmer = CountsAtOrBelow(40000);
        monitor.Sample(warmer, 250);
        int value = Convert(warmer);
        Assert.True(monitor.Derating);
        double expected = 1.0 - ((double)(value - derate) / (SafetyLimits.DefaultTripMillidegrees - derate));
        Assert.Equal(expected, monitor.DerateFactor(), 5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AnalogScaling.MaximumCounts)]
    public void SR7_AnOpenOrShortedNtcIsASensorFaultUntilAPlausibleReading(int counts)
    {
        ThermalMonitor monitor = new(Ntc, new SafetyLimits());
        monitor.Sample(CountsAtOrBelow(25000), 0);
        Assert.False(monitor.InhibitsDrive);

        monitor.Sample(counts, 250);
        Assert.True(monitor.SensorFault);
        Assert.True(monitor.InhibitsDrive);
        Assert.False(monitor.Derating);
        Assert.Equal(0f, monitor.DerateFactor());

        monitor.Sample(CountsAtOrBelow(25000), 500);
        Assert.False(monitor.SensorFault);
        Assert.False(monitor.InhibitsDrive);
    }

    [Fact]
    public void SR8_TheFirstCellReadingIsTakenAsItIsAndLaterOnesMoveAQuarterOfTheDifference()
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        monitor.Sample(CountsForCell(3800), driving: false, now: 0);
        Assert.Equal(3800, monitor.Millivolts);

        monitor.Sample(CountsForCell(3400), driving: false, now: 20);
        Assert.Equal(3700, monitor.Millivolts);
        monitor.Sample(CountsForCell(3400), driving: false, now: 40);
        Assert.Equal(3625, monitor.Millivolts);
    }

    [Theory]
    [InlineData(3400, 99, false, true)]
    [InlineData(3400, 100, true, true)]
    [InlineData(3402, 100, false, true)]
    [InlineData(3550, 100, false, true)]
    [InlineData(3552, 100, false, false)]
    public void SR8_UnderLoadTheCutoffAndWarningActAtTheirVoltagesOnce100MillisecondsHavePassed(int cell, long loadedFor, bool cutoff, bool warningAtSettle)
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        int counts = CountsForCell(cell);
        monitor.Sample(counts, driving: true, now: 1000);
        Assert.False(monitor.CutoffLatched);
        Assert.False(monitor.Warning);

        monitor.Sample(counts, driving: true, now: 1000 + loadedFor);

        Assert.Equal(cell, monitor.Millivolts);
        Assert.Equal(cutoff, monitor.CutoffLatched);
        Assert.Equal(warningAtSettle && loadedFor >= BatteryMonitor.LoadSettleMilliseconds, monitor.Warning);
    }

    [Theory]
    [InlineData(500, 4200, true)]
    [InlineData(499, 4200, false)]
    [InlineData(500, 4192, false)]
    public void SR8_ALatchedCutoffClearsOnlyAtTheRestartVoltageAfter500MillisecondsAtRest(long restFor, int cell, bool cleared)
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        monitor.Sample(CountsForCell(3400), driving: true, now: 0);
        monitor.Sample(CountsForCell(3400), driving: true, now: 100);
        Assert.True(monitor.CutoffLatched);
        monitor.Sample(CountsForCell(3400), driving: false, now: 120);
        Assert.True(monitor.AtRest);

        // From 3400 mV a quarter of the way to 4200 mV is exactly the 3600 mV restart voltage.
        monitor.Sample(CountsForCell(cell), driving: false, now: 120 + restFor);

        Assert.Equal(3400 + ((cell - 3400) / 4), monitor.Millivolts);
        Assert.Equal(!cleared, monitor.CutoffLatched);
        Assert.Equal(!cleared, monitor.Warning);
        Assert.Equal(cleared, monitor.AllowsStart());
    }

    [Theory]
    [InlineData(3400, false)]
    [InlineData(3402, true)]
    public void SR8_AStartNeedsACellReadingAboveTheCutoff(int cell, bool allowed)
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        Assert.False(monitor.AllowsStart());

        monitor.Sample(CountsForCell(cell), driving: false, now: 0);

        Assert.Equal(allowed, monitor.AllowsStart());
    }

    private static int Convert(int counts)
    {
        Assert.True(new ThermistorConverter(Ntc).TryConvert(counts, out int millidegrees));
        return millidegrees;
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

        throw new System.InvalidOperationException($"no reading at or below {millidegrees} m°C");
    }

    private static int CountsForCell(int cellMillivolts)
    {
        int counts = AnalogScaling.MillivoltsToCounts(cellMillivolts * DividerPerMille / 1000);
        Assert.Equal(cellMillivolts, AnalogScaling.CountsToMillivolts(counts) * 1000 / DividerPerMille);
        return counts;
    }
}
