using Wand.Core.Hardware;
using Wand.Core.History;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class HistoryTests
{
    [Fact]
    public void BP6_EachSessionLeavesOneEntryWrittenOnce()
    {
        TestBench bench = new();
        Assert.Equal(CommandResult.Success, bench.BootAndStart(level: 3, durationSeconds: 60));
        bench.Run(10_000);
        bench.Controller.StopRemote();
        bench.Run(2_000);
        SessionHistory history = bench.Controller.History;
        Assert.Equal(1, history.Count);
        Assert.Equal(RoutineKind.None, history.RoutineAt(0));
        Assert.Equal(HeadIdentity.SoftDome, history.HeadAt(0));
        Assert.Equal(3, history.HighestLevelAt(0));
        Assert.Equal(StopReason.RemoteCommand, history.StopReasonAt(0));
        Assert.InRange(history.DriveSecondsAt(0), 10, 11);
        Assert.False(history.IsWallClockAt(0));
        Assert.Equal(0u, history.TimeAt(0));
        Assert.Equal(1, bench.Storage.WritesTo(StorageSlot.History0));
    }

    [Fact]
    public void BP6_TheLast32SessionsSurviveARebootNewestFirst()
    {
        FakeStorage storage = new();
        TestBench bench = new(storage: storage);
        bench.Run(400);
        for (int session = 1; session <= 40; session++)
        {
            Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(1 + (session % 3), PatternKind.Continuous, 60));
            bench.Run(session * 100);
            bench.Controller.StopRemote();
            bench.Run(1_500);
        }

        SessionHistory reloaded = new(storage);
        Assert.Equal(SessionHistory.Capacity, reloaded.Count);
        Assert.Equal(40u, reloaded.NewestSequence);
        for (int age = 0; age < reloaded.Count; age++)
        {
            int session = 40 - age;
            Assert.Equal(1 + (session % 3), reloaded.HighestLevelAt(age));
        }
    }

    [Fact]
    public void BP6_WallClockTimeOnceAnAppWroteIt_AndTodaysTotal()
    {
        TestBench bench = new();
        bench.Run(400);
        bench.Controller.StartRemote(2, PatternKind.Continuous, 60);
        bench.Run(20_000);
        bench.Controller.StopRemote();
        bench.Run(2_000);

        // 2026-12-06 10:00:00 local.
        const long TenOClock = 1796551200;
        bench.Controller.SetWallClock(TenOClock);
        bench.Controller.StartRemote(2, PatternKind.Continuous, 60);
        bench.Run(30_000);
        bench.Controller.StopRemote();
        bench.Run(2_000);
        SessionHistory history = bench.Controller.History;
        Assert.True(history.IsWallClockAt(0));
        Assert.InRange((long)history.TimeAt(0), TenOClock, TenOClock + 1);
        Assert.False(history.IsWallClockAt(1));
        int today = bench.Controller.TodayDriveSeconds();
        Assert.Equal(history.DriveSecondsAt(0) + history.DriveSecondsAt(1), today);
        Assert.InRange(today, 49, 51);
    }

    [Fact]
    public void BP6_SessionsOfAnEarlierBootWithoutWallClockDoNotCountToday()
    {
        FakeStorage storage = new();
        SessionHistory first = new(storage);
        first.Append(5, false, 300, RoutineKind.None, HeadIdentity.SoftDome, 2, StopReason.Button);
        SessionHistory afterReboot = new(storage);
        Assert.Equal(1, afterReboot.Count);
        Assert.Equal(0, afterReboot.TodayDriveSeconds(new WallClock(), 60_000));
        afterReboot.Append(30, false, 120, RoutineKind.Lactation, HeadIdentity.SoftDome, 2, StopReason.RoutineComplete);
        Assert.Equal(120, afterReboot.TodayDriveSeconds(new WallClock(), 600_000));
    }

    [Fact]
    public void BP6_AFailedWriteKeepsTheOlderEntriesAndTheSessionInMemory()
    {
        FakeStorage storage = new();
        SessionHistory history = new(storage);
        history.Append(1, false, 10, RoutineKind.None, HeadIdentity.SoftDome, 1, StopReason.Button);
        storage.FailWrites = true;
        Assert.False(history.Append(2, false, 20, RoutineKind.None, HeadIdentity.SoftDome, 1, StopReason.Button));
        Assert.Equal(1, history.FailedWrites);
        Assert.Equal(2, history.Count);
        Assert.Equal(1, new SessionHistory(storage).Count);
    }
}
