using Wand.Core.Control;
using Wand.Core.Platform;
using Xunit;

namespace Wand.Firmware.Tests;

public class BootLoopPacerTests
{
    [Fact]
    public void MD4_MillisecondsUntilNextTick_KeepsAFixedRateWithoutDrift()
    {
        var pacer = new BootLoopPacer(20);
        long now = 1000;
        long[] tickStarts = new long[50];
        for (int tick = 0; tick < tickStarts.Length; tick++)
        {
            tickStarts[tick] = now;
            now += 3 + (tick % 7); // the tick's own work time varies
            now += pacer.MillisecondsUntilNextTick(now);
        }

        // The schedule is anchored at the end of the first tick; from then on ticks start exactly 20 ms apart.
        for (int tick = 2; tick < tickStarts.Length; tick++)
        {
            Assert.Equal(20, tickStarts[tick] - tickStarts[tick - 1]);
        }

        Assert.Equal(0, pacer.Overruns);
    }

    [Fact]
    public void MillisecondsUntilNextTick_LongOverrun_RestartsScheduleInsteadOfBursting()
    {
        var pacer = new BootLoopPacer(20);
        Assert.Equal(20, pacer.MillisecondsUntilNextTick(0));

        Assert.Equal(0, pacer.MillisecondsUntilNextTick(100)); // a tick took 80 ms
        Assert.Equal(20, pacer.MillisecondsUntilNextTick(100));
        Assert.Equal(1, pacer.Overruns);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Constructor_PeriodOutsideMd4_Throws(int period)
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new BootLoopPacer(period));
    }
}

public class DebouncedInputTests
{
    [Fact]
    public void IsActive_ChangeShorterThanSettleTime_IsIgnored()
    {
        var raw = new SettableInput();
        var clock = new ManualClock();
        var input = new DebouncedInput(raw, clock, 20);
        Assert.False(input.IsActive);

        raw.IsActive = true;
        clock.MillisecondsSinceBoot = 5;
        Assert.False(input.IsActive);
        raw.IsActive = false;
        clock.MillisecondsSinceBoot = 10;
        Assert.False(input.IsActive);
        clock.MillisecondsSinceBoot = 40;
        Assert.False(input.IsActive);
    }

    [Fact]
    public void SR9_IsActive_UsbPlugHeldForSettleTime_IsAccepted()
    {
        var raw = new SettableInput();
        var clock = new ManualClock();
        var input = new DebouncedInput(raw, clock, 20);
        Assert.False(input.IsActive);

        raw.IsActive = true;
        clock.MillisecondsSinceBoot = 100;
        Assert.False(input.IsActive);
        clock.MillisecondsSinceBoot = 119;
        Assert.False(input.IsActive);
        clock.MillisecondsSinceBoot = 120;
        Assert.True(input.IsActive);
    }

    [Fact]
    public void IsActive_FirstRead_ReturnsRawLevel()
    {
        var input = new DebouncedInput(new SettableInput { IsActive = true }, new ManualClock(), 20);

        Assert.True(input.IsActive);
    }
}

public class WatchdogSupervisorTests
{
    [Fact]
    public void SR10_HasExpired_FedWithinTimeout_StaysQuiet()
    {
        var supervisor = new WatchdogSupervisor(1000);
        for (long now = 0; now < 10000; now += 20)
        {
            supervisor.Feed(now);
            Assert.False(supervisor.HasExpired(now + 10));
        }
    }

    [Fact]
    public void SR10_HasExpired_FeedsStop_ExpiresAndLatches()
    {
        var supervisor = new WatchdogSupervisor(1000);
        supervisor.Feed(500);

        Assert.False(supervisor.HasExpired(1500));
        Assert.True(supervisor.HasExpired(1501));
        supervisor.Feed(1502);
        Assert.True(supervisor.HasExpired(1503));
    }

    [Fact]
    public void HasExpired_BeforeFirstFeed_DoesNotExpire()
    {
        var supervisor = new WatchdogSupervisor(100);

        Assert.False(supervisor.HasExpired(1_000_000));
    }
}

public class AdvertisingBudgetTests
{
    [Fact]
    public void MaximumNameLength_LeavesRoomForFlagsAnd128BitUuid()
    {
        Assert.Equal(8, AdvertisingBudget.MaximumNameLength);
        Assert.Equal(AdvertisingBudget.PayloadLength, AdvertisingBudget.UsedBytes(AdvertisingBudget.MaximumNameLength));
    }

    [Theory]
    [InlineData("WND-2026-003F2A", "Wand3F2A")]
    [InlineData("AB", "WandAB")]
    [InlineData("", "Wand")]
    [InlineData(null, "Wand")]
    [InlineData("12-34-56-78", "Wand5678")]
    public void DeviceName_FitsTheAdvertisingPacket(string? serial, string expected)
    {
        string name = AdvertisingBudget.DeviceName(serial!);

        Assert.Equal(expected, name);
        Assert.True(AdvertisingBudget.UsedBytes(name.Length) <= AdvertisingBudget.PayloadLength);
    }
}
