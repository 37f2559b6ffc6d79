using Wand.Core.Board;
using Wand.Core.Monitors;
using Xunit;

namespace Wand.Core.Tests;

public class BatteryPercentTests
{
    private const int DividerPerMille = 500;

    private static int CountsForCell(int cellMillivolts) =>
        AnalogScaling.MillivoltsToCounts(cellMillivolts * DividerPerMille / 1000);

    [Fact]
    public void Percent_ReadingNoiseAroundAStepBoundary_DoesNotFlipTheReportedValue()
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        int low = CountsForCell(3860);
        int high = CountsForCell(3880);
        monitor.Sample(low, driving: false, now: 0);
        int first = monitor.PercentEstimate();

        // Readings alternating between two neighbouring percent values, as ADC noise on an idle cell does.
        for (int tick = 1; tick <= 200; tick++)
        {
            monitor.Sample(tick % 2 == 0 ? low : high, driving: false, now: tick * 20L);
            Assert.Equal(first, monitor.PercentEstimate());
        }
    }

    [Fact]
    public void Percent_ARealChangeOfTheCell_IsReported()
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        monitor.Sample(CountsForCell(4000), driving: false, now: 0);
        int full = monitor.PercentEstimate();
        // Ten seconds at the lower voltage: about eight time constants of the state-of-charge filter.
        for (int tick = 1; tick <= 500; tick++)
        {
            monitor.Sample(CountsForCell(3700), driving: false, now: tick * 20L);
        }

        int lower = monitor.PercentEstimate();
        Assert.True(full - lower >= 30, $"expected the estimate to follow the cell from {full} % down, got {lower} %");
        int unfiltered = (monitor.Millivolts - 3400) * 100 / 750;
        Assert.InRange(lower, unfiltered - (BatteryMonitor.PercentHysteresis - 1), unfiltered + (BatteryMonitor.PercentHysteresis - 1));
    }

    [Fact]
    public void Percent_AnEmptyCell_ReadsZeroAtOnce()
    {
        BatteryMonitor monitor = new(new SafetyLimits(), DividerPerMille);
        monitor.Sample(CountsForCell(3415), driving: false, now: 0);
        Assert.InRange(monitor.PercentEstimate(), 1, 3);
        for (int tick = 1; tick <= 50; tick++)
        {
            monitor.Sample(CountsForCell(3390), driving: false, now: tick * 20L);
        }

        Assert.Equal(0, monitor.PercentEstimate());
    }
}
