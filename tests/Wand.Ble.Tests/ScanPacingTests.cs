using System;
using Wand.Host.Links.Ble;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// The scan's wait between progress reports is positive and never longer than what is left, wherever in the scan the
/// clock is read: a negative wait made Task.Delay throw (the scan then ended with an unexpected error) or, at −1 ms,
/// wait forever.
/// </summary>
public sealed class ScanPacingTests
{
    [Theory]
    [InlineData(1_000, 0, 500)]
    [InlineData(1_000, 499, 500)]
    [InlineData(1_000, 600, 400)]
    [InlineData(1_000, 999, 1)]
    [InlineData(120_000, 119_750, 250)]
    public void NextPause_IsHalfASecondOrWhatIsLeft(int durationMilliseconds, int elapsedMilliseconds, int expectedMilliseconds)
    {
        TimeSpan pause = BleScanner.NextPause(TimeSpan.FromMilliseconds(durationMilliseconds), TimeSpan.FromMilliseconds(elapsedMilliseconds));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), pause);
    }

    [Fact]
    public void NextPause_IsPositiveAndAtMostWhatIsLeft_OverEveryTickOfTheLastTwoMilliseconds()
    {
        TimeSpan duration = TimeSpan.FromSeconds(1);
        for (long ticks = duration.Ticks - TimeSpan.TicksPerMillisecond * 2; ticks < duration.Ticks; ticks++)
        {
            TimeSpan pause = BleScanner.NextPause(duration, TimeSpan.FromTicks(ticks));

            Assert.InRange(pause, TimeSpan.FromTicks(1), duration - TimeSpan.FromTicks(ticks));
        }
    }

    [Fact]
    public void NextPause_PastTheEnd_IsStillPositive()
    {
        Assert.Equal(TimeSpan.FromTicks(1), BleScanner.NextPause(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.002)));
    }
}
