using System;
using Wand.Core.Control;
using Wand.Core.Hardware;
using Wand.Core.Platform;
using Xunit;

namespace Wand.Firmware.Tests;

/// <summary>
/// MD-4: nothing the device runs every tick may allocate (nanoFramework's collector stops the world). Measured with the
/// .NET allocation counter over many calls, after a warm-up call.
/// </summary>
public class AllocationTests
{
    private const int Calls = 10_000;

    private static long AllocatedBy(Action action)
    {
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < Calls; call++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void MD4_PerTickHelpers_AllocateNothing()
    {
        var clock = new ManualClock();
        var raw = new SettableInput();
        var debounced = new DebouncedInput(raw, clock, 20);
        var pacer = new BootLoopPacer(20);
        var watchdog = new WatchdogSupervisor(1000);
        bool level = false;

        long bytes = AllocatedBy(() =>
        {
            clock.MillisecondsSinceBoot += 20;
            raw.IsActive = level = !level;
            _ = debounced.IsActive;
            pacer.MillisecondsUntilNextTick(clock.MillisecondsSinceBoot);
            watchdog.Feed(clock.MillisecondsSinceBoot);
            watchdog.HasExpired(clock.MillisecondsSinceBoot);
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void RecordStore_ReadAndWrite_AllocateNothingBeyondTheFileLayer()
    {
        var files = new PreallocatedFiles();
        var store = new AlternatingRecordStore(files);
        var record = new byte[22];
        var buffer = new byte[AlternatingRecordStore.MaximumRecordLength];

        long bytes = AllocatedBy(() =>
        {
            record[0]++;
            store.Write(StorageSlot.Calibration, record, record.Length);
            store.Read(StorageSlot.Calibration, buffer);
        });

        Assert.Equal(0, bytes);
    }

    /// <summary>Two fixed files, no allocation: isolates the store's own allocations.</summary>
    private sealed class PreallocatedFiles : IRecordFiles
    {
        private readonly byte[] _a = new byte[AlternatingRecordStore.HeaderLength + AlternatingRecordStore.MaximumRecordLength];
        private readonly byte[] _b = new byte[AlternatingRecordStore.HeaderLength + AlternatingRecordStore.MaximumRecordLength];
        private int _lengthA = -1;
        private int _lengthB = -1;

        public int Read(string name, byte[] buffer)
        {
            bool second = name[name.Length - 1] == 'b';
            int length = second ? _lengthB : _lengthA;
            if (length > 0)
            {
                Array.Copy(second ? _b : _a, buffer, length);
            }

            return length;
        }

        public bool Write(string name, byte[] data, int length)
        {
            bool second = name[name.Length - 1] == 'b';
            Array.Copy(data, second ? _b : _a, length);
            if (second)
            {
                _lengthB = length;
            }
            else
            {
                _lengthA = length;
            }

            return true;
        }
    }
}
