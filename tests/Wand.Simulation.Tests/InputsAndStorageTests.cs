using System;
using Wand.Core.Board;
using Wand.Core.Hardware;
using Xunit;

namespace Wand.Simulation.Tests;

public class InputsAndStorageTests
{
    private static VirtualBoard Board() => new(BoardProfile.CreateDefault());

    [Fact]
    public void VirtualClock_AdvancesOnlyWithSteps()
    {
        VirtualBoard board = Board();
        Assert.Equal(0, board.Io.Clock.MillisecondsSinceBoot);
        board.Step(1234);
        Assert.Equal(1234, board.Io.Clock.MillisecondsSinceBoot);
    }

    [Fact]
    public void Button_ScheduledPress_IsHeldExactlyFromPressToRelease()
    {
        VirtualBoard board = Board();
        board.PressButton(holdMilliseconds: 50, delayMilliseconds: 100);

        board.Step(99);
        Assert.False(board.Io.Button.IsActive);
        board.Step(1);
        Assert.True(board.Io.Button.IsActive);
        board.Step(49);
        Assert.True(board.Io.Button.IsActive);
        board.Step(1);
        Assert.False(board.Io.Button.IsActive);
        Assert.Equal(0, board.Button.PendingCount);
    }

    [Fact]
    public void Button_PressWithoutDelay_IsHeldAtOnce()
    {
        VirtualBoard board = Board();
        board.Step(3);
        board.PressButton(2);

        Assert.True(board.Io.Button.IsActive);
        board.Step(1);
        Assert.True(board.Io.Button.IsActive);
        board.Step(1);
        Assert.False(board.Io.Button.IsActive);
    }

    [Fact]
    public void Button_PressesScheduledOutOfOrder_AreAppliedInTimeOrder()
    {
        VirtualBoard board = Board();
        board.PressButton(20, 500);
        board.PressButton(20, 100);

        board.Step(110);
        Assert.True(board.Button.IsPressed);
        board.Step(20);
        Assert.False(board.Button.IsPressed);
        board.Step(380);
        Assert.True(board.Button.IsPressed);
    }

    [Fact]
    public void UsbStrapAndTouch_FollowTheWorld()
    {
        VirtualBoard board = new(BoardProfile.CreateDefault(), new VirtualBoardOptions { TouchSensorFitted = true });
        board.SetUsbPower(true);
        board.SetFactoryStrap(true);
        board.SetTouching(false);

        Assert.True(board.Io.UsbPower.IsActive);
        Assert.True(board.Io.FactoryStrap.IsActive);
        Assert.False(board.Io.Touch.IsTouching);
        Assert.Null(Board().Io.Touch);
    }

    [Fact]
    public void Storage_ReplacesRecordsAtomically_AndReadsWhatWasWritten()
    {
        IPersistentStorage storage = Board().Io.Storage;
        byte[] buffer = new byte[256];
        Assert.Equal(0, storage.Read(StorageSlot.Calibration, buffer));

        Assert.True(storage.Write(StorageSlot.Calibration, new byte[] { 1, 2, 3, 4 }, 3));
        Assert.True(storage.Write(StorageSlot.Settings, new byte[] { 9 }, 1));

        Assert.Equal(3, storage.Read(StorageSlot.Calibration, buffer));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        Assert.Equal(1, storage.Read(StorageSlot.Settings, buffer));
        Assert.Equal(9, buffer[0]);
    }

    [Fact]
    public void SR16_FailingWrites_KeepTheOldRecord()
    {
        VirtualBoard board = Board();
        board.Io.Storage.Write(StorageSlot.Calibration, new byte[] { 1, 2, 3 }, 3);
        board.InjectFault("storage-fail:1");

        Assert.False(board.Io.Storage.Write(StorageSlot.Calibration, new byte[] { 7, 7, 7 }, 3));
        Assert.Equal(new byte[] { 1, 2, 3 }, board.Storage.Snapshot(StorageSlot.Calibration));
        Assert.True(board.Io.Storage.Write(StorageSlot.Calibration, new byte[] { 7, 7, 7 }, 3));
        Assert.Equal(new byte[] { 7, 7, 7 }, board.Storage.Snapshot(StorageSlot.Calibration));
    }

    [Fact]
    public void SR16_CorruptingWritesAndBitRot_ChangeTheStoredBytes()
    {
        VirtualBoard board = Board();
        byte[] record = { 1, 2, 3, 4 };
        board.InjectFault("storage-corrupt:1");
        Assert.True(board.Io.Storage.Write(StorageSlot.Calibration, record, 4));
        Assert.NotEqual(record, board.Storage.Snapshot(StorageSlot.Calibration));

        board.Io.Storage.Write(StorageSlot.Calibration, record, 4);
        Assert.Equal(record, board.Storage.Snapshot(StorageSlot.Calibration));
        board.InjectFault("corrupt-calibration");
        Assert.NotEqual(record, board.Storage.Snapshot(StorageSlot.Calibration));
        board.InjectFault("erase-calibration");
        Assert.Empty(board.Storage.Snapshot(StorageSlot.Calibration));
    }

    [Fact]
    public void Storage_OverlongRecord_IsRefusedAndNothingChanges()
    {
        VirtualBoard board = Board();
        Assert.Throws<ArgumentOutOfRangeException>(() => board.Io.Storage.Write(StorageSlot.Identity, new byte[300], 300));
        Assert.Empty(board.Storage.Snapshot(StorageSlot.Identity));
    }

    [Fact]
    public void SR10_Watchdog_CountsFeedsAndReportsStarvationAfterTheTimeout()
    {
        VirtualBoard board = Board();
        for (int tick = 0; tick < 10; tick++)
        {
            board.Step(20);
            board.Io.Watchdog.Feed();
        }

        Assert.Equal(10, board.Watchdog.FeedCount);
        board.Step(board.Watchdog.TimeoutMilliseconds);
        Assert.False(board.Watchdog.IsExpired);
        board.Step(1);
        Assert.True(board.Watchdog.IsExpired);
        Assert.Equal(1, board.Watchdog.ExpiryCount);
    }

    [Theory]
    [InlineData(AdapterKind.Motor)]
    [InlineData(AdapterKind.HeadId)]
    [InlineData(AdapterKind.HeadTemperature)]
    [InlineData(AdapterKind.Battery)]
    [InlineData(AdapterKind.Button)]
    [InlineData(AdapterKind.UsbPower)]
    [InlineData(AdapterKind.FactoryStrap)]
    [InlineData(AdapterKind.Clock)]
    [InlineData(AdapterKind.Storage)]
    [InlineData(AdapterKind.Watchdog)]
    [InlineData(AdapterKind.Touch)]
    public void SR12_ArmedAdapter_ThrowsOnItsNextCallsOnly(AdapterKind adapter)
    {
        VirtualBoard board = new(BoardProfile.CreateDefault(), new VirtualBoardOptions { TouchSensorFitted = true });
        board.Faults.ThrowOnNextCalls(adapter, 2);

        SimulatedHardwareException error = Assert.Throws<SimulatedHardwareException>(() => Call(board.Io, adapter));
        Assert.Equal(adapter, error.Adapter);
        Assert.Throws<SimulatedHardwareException>(() => Call(board.Io, adapter));
        Call(board.Io, adapter);
        Assert.Equal(2, board.Faults.ThrownBy(adapter));
        foreach (AdapterKind other in Enum.GetValues<AdapterKind>())
        {
            if (other != adapter)
            {
                Call(board.Io, other);
            }
        }
    }

    [Fact]
    public void SR12_AdapterExceptionByName_ArmsTheNamedAdapter()
    {
        VirtualBoard board = Board();
        board.InjectFault("adapter-exception:battery:3");
        Assert.Equal(3, board.Faults.PendingThrows(AdapterKind.Battery));
        board.InjectFault("adapter-exception");
        Assert.Equal(1, board.Faults.PendingThrows(AdapterKind.Motor));
    }

    [Theory]
    [InlineData("melt-head")]
    [InlineData("adapter-exception:toaster")]
    [InlineData("loop-stall:-5")]
    [InlineData("loop-stall:abc")]
    public void InjectFault_UnknownNameOrBadArgument_IsRefusedWithTheCatalogue(string fault)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Board().InjectFault(fault));
        Assert.Contains(fault.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    private static void Call(BoardIo io, AdapterKind adapter)
    {
        byte[] buffer = new byte[256];
        _ = adapter switch
        {
            AdapterKind.Motor => Do(() => io.Motor.SetDutyCycle(0)),
            AdapterKind.HeadId => io.HeadId.ReadCounts(),
            AdapterKind.HeadTemperature => io.HeadTemperature.ReadCounts(),
            AdapterKind.Battery => io.Battery.ReadCounts(),
            AdapterKind.Button => io.Button.IsActive ? 1 : 0,
            AdapterKind.UsbPower => io.UsbPower.IsActive ? 1 : 0,
            AdapterKind.FactoryStrap => io.FactoryStrap.IsActive ? 1 : 0,
            AdapterKind.Clock => (int)io.Clock.MillisecondsSinceBoot,
            AdapterKind.Storage => io.Storage.Read(StorageSlot.Settings, buffer),
            AdapterKind.Watchdog => Do(io.Watchdog.Feed),
            AdapterKind.Touch => io.Touch.IsTouching ? 1 : 0,
            _ => throw new ArgumentOutOfRangeException(nameof(adapter)),
        };
    }

    private static int Do(Action action)
    {
        action();
        return 0;
    }
}
