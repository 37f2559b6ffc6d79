using System;
using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// Persistent storage in memory, one 256-byte record per slot, replaced atomically (the new record is written to a
/// spare buffer and swapped in). Fault modes fail or corrupt writes; records can be corrupted or erased directly to
/// exercise SR-16.
/// </summary>
public sealed class InMemoryStorage : IPersistentStorage
{
    /// <summary>Largest record, in bytes.</summary>
    public const int MaximumRecordBytes = 256;

    private const int SlotCount = 8;

    private readonly AdapterFaultInjector faults;
    private readonly byte[][] records = new byte[SlotCount][];
    private readonly byte[][] spares = new byte[SlotCount][];
    private readonly int[] lengths = new int[SlotCount];
    private int faultyWritesLeft;

    /// <summary>Initializes a new instance of the <see cref="InMemoryStorage"/> class, empty.</summary>
    /// <param name="faults">Fault injection.</param>
    public InMemoryStorage(AdapterFaultInjector faults)
    {
        this.faults = faults;
        for (int slot = 0; slot < SlotCount; slot++)
        {
            records[slot] = new byte[MaximumRecordBytes];
            spares[slot] = new byte[MaximumRecordBytes];
        }
    }

    /// <summary>Gets the active write fault.</summary>
    public StorageFault WriteFault { get; private set; }

    /// <summary>Gets the number of successful writes.</summary>
    public long WriteCount { get; private set; }

    /// <summary>Gets the number of writes refused or corrupted by an injected fault.</summary>
    public long FaultedWriteCount { get; private set; }

    /// <summary>Makes the next writes fail or corrupt.</summary>
    /// <param name="fault">The fault; <see cref="StorageFault.None"/> clears it.</param>
    /// <param name="writes">How many writes are affected, 1 or more; <see cref="int.MaxValue"/> for all.</param>
    public void SetWriteFault(StorageFault fault, int writes = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writes, 1);
        WriteFault = fault;
        faultyWritesLeft = fault == StorageFault.None ? 0 : writes;
    }

    /// <inheritdoc />
    public int Read(StorageSlot slot, byte[] buffer)
    {
        faults.ThrowIfArmed(AdapterKind.Storage);
        ArgumentNullException.ThrowIfNull(buffer);
        int index = Index(slot);
        int length = Math.Min(lengths[index], buffer.Length);
        Array.Copy(records[index], buffer, length);
        return length;
    }

    /// <inheritdoc />
    public bool Write(StorageSlot slot, byte[] data, int length)
    {
        faults.ThrowIfArmed(AdapterKind.Storage);
        ArgumentNullException.ThrowIfNull(data);
        if (length < 1 || length > MaximumRecordBytes || length > data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "Record length must be 1 to 256 bytes and within the data.");
        }

        int index = Index(slot);
        StorageFault fault = faultyWritesLeft > 0 ? WriteFault : StorageFault.None;
        if (fault != StorageFault.None)
        {
            faultyWritesLeft--;
            FaultedWriteCount++;
            if (faultyWritesLeft == 0)
            {
                WriteFault = StorageFault.None;
            }

            if (fault == StorageFault.FailWrites)
            {
                return false;
            }
        }

        byte[] spare = spares[index];
        Array.Copy(data, spare, length);
        if (fault == StorageFault.CorruptWrites)
        {
            spare[length / 2] ^= 0x10;
        }

        spares[index] = records[index];
        records[index] = spare;
        lengths[index] = length;
        WriteCount++;
        return true;
    }

    /// <summary>Returns a copy of a stored record, for tests and the world API.</summary>
    /// <param name="slot">The record.</param>
    /// <returns>The stored bytes; empty when none.</returns>
    public byte[] Snapshot(StorageSlot slot)
    {
        int index = Index(slot);
        byte[] copy = new byte[lengths[index]];
        Array.Copy(records[index], copy, copy.Length);
        return copy;
    }

    /// <summary>Stores a record directly, as if written at the factory.</summary>
    /// <param name="slot">The record.</param>
    /// <param name="data">The bytes, 0 to 256 (0 erases).</param>
    public void Preload(StorageSlot slot, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length > MaximumRecordBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, "A record holds at most 256 bytes.");
        }

        int index = Index(slot);
        Array.Copy(data, records[index], data.Length);
        lengths[index] = data.Length;
    }

    /// <summary>Flips one bit of a stored record (bit rot, a torn write on a real device).</summary>
    /// <param name="slot">The record.</param>
    /// <param name="byteIndex">The byte, 0 to the record length − 1.</param>
    /// <param name="bit">The bit, 0 to 7.</param>
    /// <returns><c>true</c> when flipped; <c>false</c> when the record is too short or missing.</returns>
    public bool CorruptRecord(StorageSlot slot, int byteIndex = 0, int bit = 0)
    {
        int index = Index(slot);
        if (byteIndex < 0 || byteIndex >= lengths[index] || bit is < 0 or > 7)
        {
            return false;
        }

        records[index][byteIndex] ^= (byte)(1 << bit);
        return true;
    }

    /// <summary>Erases a record.</summary>
    /// <param name="slot">The record.</param>
    public void Erase(StorageSlot slot)
    {
        lengths[Index(slot)] = 0;
    }

    private static int Index(StorageSlot slot)
    {
        int index = (int)slot;
        if (index < 0 || index >= SlotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown storage slot.");
        }

        return index;
    }
}
