using System;
using Wand.Core.Board;
using Wand.Core.Monitors;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The battery level the Battery service reports (BP-2) at its edges: 0 % before the first reading and at or below
/// 3.40 V, 100 % at or above 4.15 V, linear between; the first reading is reported as it is; afterwards the reported
/// value moves only when the estimate has moved by the hysteresis (2 points) in either direction, or reaches 0 or 100.
/// </summary>
public class BatteryPercentBoundaryTests
{
    private const int DividerPerMille = 500;

    /// <summary>Ticks enough for the state-of-charge filter (time constant 64 ticks) to settle on a new reading.</summary>
    private const int SettleTicks = 800;

    [Fact]
    public void BP2_BeforeTheFirstReadingTheLevelIsZero()
    {
        Assert.Equal(0, new BatteryMonitor(new SafetyLimits(), DividerPerMille).PercentEstimate());
    }

    [Theory]
    [InlineData(3300, 3320)]
    [InlineData(3415, 3422)]
    [InlineData(3775, 3782)]
    [InlineData(4200, 4250)]
    public void BP2_TheFirstReadingIsReportedAsItIsAndClampedTo0To100(int lowMillivolts, int highMillivolts)
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);

        monitor.Sample(CountsForCellIn(lowMillivolts, highMillivolts), driving: false, now: 0);

        Assert.Equal(Expected(monitor.Millivolts), monitor.PercentEstimate());
    }

    [Fact]
    public void BP2_ALevelOfZeroHoldsWhenTheCellRisesByLessThanTheHysteresis()
    {
        // A first reading just below 3.40 V, then one far above it that moves the slow estimate into the 1 % band.
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        monitor.Sample(CountsForCellIn(3386, 3392), driving: false, now: 0);
        int first = monitor.Millivolts;
        int second = -1;
        for (int counts = AnalogScaling.MaximumCounts - 1; counts > 0 && second < 0; counts--)
        {
            int estimate = first + ((CellMillivolts(counts) - first) / BatteryMonitor.ReportingFilterTicks);
            if (estimate >= 3408 && estimate <= 3414)
            {
                second = counts;
            }
        }

        Assert.True(second > 0, "no reading moves the estimate into the 1 % band");
        Assert.Equal(0, monitor.PercentEstimate());

        monitor.Sample(second, driving: false, now: 20);

        Assert.Equal(0, monitor.PercentEstimate());
    }

    [Theory]
    [InlineData(3850, 3856, 60)]
    [InlineData(3790, 3796, 52)]
    [InlineData(3760, 3766, 48)]
    [InlineData(3700, 3706, 40)]
    public void BP2_AChangeOfTheCellByTheHysteresisOrMoreIsReportedInEitherDirection(int lowMillivolts, int highMillivolts, int expected)
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        monitor.Sample(CountsForCellIn(3775, 3781), driving: false, now: 0);
        Assert.Equal(50, monitor.PercentEstimate());

        int counts = CountsForCellIn(lowMillivolts, highMillivolts);
        for (int tick = 1; tick <= SettleTicks; tick++)
        {
            monitor.Sample(counts, driving: false, now: tick * 20L);
        }

        Assert.Equal(expected, monitor.PercentEstimate());
    }

    [Theory]
    [InlineData(3783, 3789, 51)]
    [InlineData(3768, 3774, 49)]
    public void BP2_AChangeOfTheCellBelowTheHysteresisIsNotReported(int lowMillivolts, int highMillivolts, int estimate)
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        monitor.Sample(CountsForCellIn(3775, 3781), driving: false, now: 0);

        int counts = CountsForCellIn(lowMillivolts, highMillivolts);
        Assert.Equal(estimate, Expected(CellMillivolts(counts)));
        for (int tick = 1; tick <= SettleTicks; tick++)
        {
            monitor.Sample(counts, driving: false, now: tick * 20L);
        }

        Assert.Equal(50, monitor.PercentEstimate());
    }

    /// <summary>The documented mapping: 3.40 V is 0 %, 4.15 V is 100 %, linear and truncated between, clamped outside.</summary>
    private static int Expected(int cellMillivolts) => Math.Clamp((cellMillivolts - 3400) * 100 / 750, 0, 100);

    /// <summary>The cell voltage the monitor takes from a reading (its first sample sets the filter to it).</summary>
    private static int CellMillivolts(int counts)
    {
        BatteryMonitor probe = new(new SafetyLimits(), DividerPerMille);
        probe.Sample(counts, driving: false, now: 0);
        return probe.Millivolts;
    }

    private static int CountsForCellIn(int lowMillivolts, int highMillivolts)
    {
        for (int counts = 1; counts < AnalogScaling.MaximumCounts; counts++)
        {
            int cell = CellMillivolts(counts);
            if (cell >= lowMillivolts && cell <= highMillivolts)
            {
                return counts;
            }
        }

        throw new InvalidOperationException($"no reading gives a cell voltage of {lowMillivolts}–{highMillivolts} mV");
    }
}
