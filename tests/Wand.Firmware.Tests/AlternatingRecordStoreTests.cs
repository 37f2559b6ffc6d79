using System;
using Wand.Core.Hardware;
using Wand.Core.Platform;
using Xunit;

namespace Wand.Firmware.Tests;

public class AlternatingRecordStoreTests
{
    private static byte[] Record(byte fill, int length)
    {
        var record = new byte[length];
        for (int index = 0; index < length; index++)
        {
            record[index] = (byte)(fill + index);
        }

        return record;
    }

    private static byte[] ReadBack(AlternatingRecordStore store, StorageSlot slot)
    {
        var buffer = new byte[AlternatingRecordStore.MaximumRecordLength];
        int length = store.Read(slot, buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    [Fact]
    public void Read_NothingStored_ReturnsZero()
    {
        var store = new AlternatingRecordStore(new TearableFiles());

        Assert.Empty(ReadBack(store, StorageSlot.Calibration));
    }

    [Fact]
    public void Write_ThenRead_ReturnsTheRecord()
    {
        var store = new AlternatingRecordStore(new TearableFiles());

        Assert.True(store.Write(StorageSlot.Calibration, Record(7, 40), 40));

        Assert.Equal(Record(7, 40), ReadBack(store, StorageSlot.Calibration));
    }

    [Fact]
    public void Write_Twice_AlternatesCopiesAndReadsTheNewest()
    {
        var files = new TearableFiles();
        var store = new AlternatingRecordStore(files);

        store.Write(StorageSlot.Settings, Record(1, 8), 8);
        store.Write(StorageSlot.Settings, Record(2, 8), 8);
        store.Write(StorageSlot.Settings, Record(3, 8), 8);

        Assert.True(files.Files.ContainsKey("settings.a"));
        Assert.True(files.Files.ContainsKey("settings.b"));
        Assert.Equal(Record(3, 8), ReadBack(store, StorageSlot.Settings));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(30)]
    public void SR16_Write_TornByPowerLoss_LeavesThePreviousRecordReadable(int bytesThatReachedFlash)
    {
        var files = new TearableFiles();
        var store = new AlternatingRecordStore(files);
        store.Write(StorageSlot.Calibration, Record(10, 40), 40);
        store.Write(StorageSlot.Calibration, Record(20, 40), 40);

        files.TearNextWriteAfterBytes = bytesThatReachedFlash;
        Assert.False(store.Write(StorageSlot.Calibration, Record(30, 40), 40));

        var afterReboot = new AlternatingRecordStore(files);
        Assert.Equal(Record(20, 40), ReadBack(afterReboot, StorageSlot.Calibration));
    }

    [Fact]
    public void SR16_Read_CorruptedNewestCopy_FallsBackToTheOlderValidCopy()
    {
        var files = new TearableFiles();
        var store = new AlternatingRecordStore(files);
        store.Write(StorageSlot.Calibration, Record(10, 40), 40);
        store.Write(StorageSlot.Calibration, Record(20, 40), 40);

        files.Files["calibration.b"][AlternatingRecordStore.HeaderLength + 3] ^= 0x40;

        Assert.Equal(Record(10, 40), ReadBack(store, StorageSlot.Calibration));
    }

    [Fact]
    public void Write_FileSystemRefuses_ReportsFailureAndKeepsOldRecord()
    {
        var files = new TearableFiles();
        var store = new AlternatingRecordStore(files);
        store.Write(StorageSlot.Identity, Record(1, 12), 12);

        files.FailNextWrite = true;

        Assert.False(store.Write(StorageSlot.Identity, Record(2, 12), 12));
        Assert.Equal(Record(1, 12), ReadBack(store, StorageSlot.Identity));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void Write_LengthOutsideOneTo256_IsRefusedWithoutTouchingFlash(int length)
    {
        var files = new TearableFiles();
        var store = new AlternatingRecordStore(files);

        Assert.False(store.Write(StorageSlot.Settings, new byte[300], length));
        Assert.Empty(files.Files);
    }

    [Fact]
    public void Slots_AreIndependent()
    {
        var store = new AlternatingRecordStore(new TearableFiles());

        store.Write(StorageSlot.Calibration, Record(1, 4), 4);
        store.Write(StorageSlot.Settings, Record(9, 6), 6);

        Assert.Equal(Record(1, 4), ReadBack(store, StorageSlot.Calibration));
        Assert.Equal(Record(9, 6), ReadBack(store, StorageSlot.Settings));
    }

    [Fact]
    public void Read_SequenceWrapsPastUInt32Max_StillPicksTheNewer()
    {
        var files = new TearableFiles();
        var store = new AlternatingRecordStore(files);
        store.Write(StorageSlot.Settings, Record(1, 4), 4);

        // Rewrite copy "a" with sequence 0xFFFFFFFF, then let the store write the next one (sequence 0, copy "b").
        byte[] a = files.Files["settings.a"];
        a[2] = 0xFF; a[3] = 0xFF; a[4] = 0xFF; a[5] = 0xFF;
        store.Write(StorageSlot.Settings, Record(5, 4), 4);

        Assert.Equal(Record(5, 4), ReadBack(store, StorageSlot.Settings));
    }

    [Fact]
    public void FileName_EveryStorageSlotHasTwoDistinctCopies()
    {
        var names = new System.Collections.Generic.HashSet<string>();
        foreach (StorageSlot slot in Enum.GetValues<StorageSlot>())
        {
            Assert.True(names.Add(AlternatingRecordStore.FileName(slot, false)));
            Assert.True(names.Add(AlternatingRecordStore.FileName(slot, true)));
        }
    }
}
