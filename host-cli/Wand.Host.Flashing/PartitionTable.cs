using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Wand.Host.Flashing;

/// <summary>One partition table entry.</summary>
/// <param name="Label">The label, up to 16 characters, for example <c>deploy</c>.</param>
/// <param name="Type">0 = app, 1 = data.</param>
/// <param name="SubType">The subtype, for example 0x00 factory, 0x84 nanoFramework deployment.</param>
/// <param name="Offset">Flash address in bytes.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Flags">Flag word (bit 0 = encrypted).</param>
public sealed record Partition(string Label, byte Type, byte SubType, uint Offset, uint Size, uint Flags)
{
    /// <summary>Gets the first address past the partition.</summary>
    public uint End => Offset + Size;
}

/// <summary>
/// An ESP-IDF binary partition table (written at 0x8000, at most 0xC00 bytes): 32-byte entries starting with
/// <c>AA 50</c>, an optional MD5 entry starting with <c>EB EB</c>, then <c>FF</c> padding.
/// </summary>
public sealed class PartitionTable
{
    /// <summary>The flash address of the table on ESP32.</summary>
    public const uint DefaultOffset = 0x8000;

    /// <summary>The largest table, in bytes.</summary>
    public const int MaximumLength = 0xC00;

    /// <summary>The nanoFramework deployment (managed application) partition subtype.</summary>
    public const byte DeploymentSubType = 0x84;

    private const int EntryLength = 32;

    private PartitionTable(IReadOnlyList<Partition> partitions) => Partitions = partitions;

    /// <summary>Gets the partitions in table order.</summary>
    public IReadOnlyList<Partition> Partitions { get; }

    /// <summary>Gets the factory app partition (where nanoCLR goes), or the first app partition.</summary>
    public Partition? Application
    {
        get
        {
            Partition? first = null;
            foreach (Partition partition in Partitions)
            {
                if (partition.Type == 0 && partition.SubType == 0)
                {
                    return partition;
                }

                first ??= partition.Type == 0 ? partition : null;
            }

            return first;
        }
    }

    /// <summary>Gets the nanoFramework deployment partition: data subtype 0x84, or the one labelled <c>deploy</c>.</summary>
    public Partition? Deployment
    {
        get
        {
            foreach (Partition partition in Partitions)
            {
                if (partition.Type == 1 && partition.SubType == DeploymentSubType)
                {
                    return partition;
                }
            }

            foreach (Partition partition in Partitions)
            {
                if (partition.Label == "deploy")
                {
                    return partition;
                }
            }

            return null;
        }
    }

    /// <summary>Parses a binary table.</summary>
    /// <param name="source">Where the bytes came from, for messages.</param>
    /// <param name="table">The bytes (trailing padding allowed).</param>
    /// <returns>The table.</returns>
    /// <exception cref="PartitionTableException">The table is malformed; the message names the entry.</exception>
    public static PartitionTable Parse(string source, ReadOnlySpan<byte> table)
    {
        List<Partition> partitions = [];
        Span<byte> digest = stackalloc byte[16];
        int limit = Math.Min(table.Length, MaximumLength);
        bool ended = false;
        for (int offset = 0; offset + EntryLength <= limit; offset += EntryLength)
        {
            ReadOnlySpan<byte> entry = table.Slice(offset, EntryLength);
            if (entry[0] == 0xAA && entry[1] == 0x50)
            {
                partitions.Add(ReadEntry(entry));
                continue;
            }

            if (entry[0] == 0xEB && entry[1] == 0xEB)
            {
                Md5Digest.Compute(table[..offset], digest);
                if (!digest.SequenceEqual(entry[16..]))
                {
                    throw new PartitionTableException($"{source}: the MD5 entry at offset 0x{offset:X} does not match the table; the file is corrupt.");
                }

                continue;
            }

            if (entry[0] == 0xFF && entry[1] == 0xFF)
            {
                ended = true;
                break;
            }

            throw new PartitionTableException($"{source}: entry at offset 0x{offset:X} starts with {entry[0]:X2} {entry[1]:X2}, not the partition magic AA 50; this is not an ESP partition table.");
        }

        if (partitions.Count == 0)
        {
            throw new PartitionTableException($"{source}: no partition entries found (expected AA 50 at offset 0).");
        }

        if (!ended && table.Length > partitions.Count * EntryLength && table.Length >= MaximumLength)
        {
            throw new PartitionTableException($"{source}: the table has no end marker within 0x{MaximumLength:X} bytes.");
        }

        PartitionTable result = new(partitions);
        result.CheckLayout(source);
        return result;
    }

    /// <summary>Serialises the table with an MD5 entry, padded with 0xFF to <see cref="MaximumLength"/>.</summary>
    /// <param name="partitions">The partitions.</param>
    /// <returns>The binary table.</returns>
    public static byte[] Build(IEnumerable<Partition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        byte[] table = new byte[MaximumLength];
        table.AsSpan().Fill(0xFF);
        int offset = 0;
        foreach (Partition partition in partitions)
        {
            Span<byte> entry = table.AsSpan(offset, EntryLength);
            entry[0] = 0xAA;
            entry[1] = 0x50;
            entry[2] = partition.Type;
            entry[3] = partition.SubType;
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], partition.Offset);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], partition.Size);
            entry.Slice(12, 16).Clear();
            Encoding.ASCII.GetBytes(partition.Label).AsSpan(0, Math.Min(16, partition.Label.Length)).CopyTo(entry[12..]);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[28..], partition.Flags);
            offset += EntryLength;
        }

        Span<byte> digestEntry = table.AsSpan(offset, EntryLength);
        digestEntry[0] = 0xEB;
        digestEntry[1] = 0xEB;
        Md5Digest.Compute(table.AsSpan(0, offset), digestEntry[16..]);
        return table;
    }

    /// <summary>Checks that the table fits a flash of <paramref name="flashSize"/> bytes.</summary>
    /// <param name="source">Where the table came from.</param>
    /// <param name="flashSize">The flash size in bytes.</param>
    /// <exception cref="PartitionTableException">A partition lies past the end of the flash.</exception>
    public void CheckFits(string source, uint flashSize)
    {
        foreach (Partition partition in Partitions)
        {
            if (partition.End > flashSize)
            {
                throw new PartitionTableException($"{source}: partition '{partition.Label}' ends at 0x{partition.End:X}, past the end of the {flashSize >> 20} MB flash. Use the package's partition table for this flash size.");
            }
        }
    }

    private static Partition ReadEntry(ReadOnlySpan<byte> entry)
    {
        ReadOnlySpan<byte> label = entry.Slice(12, 16);
        int end = label.IndexOf((byte)0);
        return new Partition(
            Encoding.ASCII.GetString(end < 0 ? label : label[..end]),
            entry[2],
            entry[3],
            BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(entry[28..]));
    }

    private void CheckLayout(string source)
    {
        for (int index = 0; index < Partitions.Count; index++)
        {
            Partition partition = Partitions[index];
            if (partition.Offset < DefaultOffset + 0x1000)
            {
                throw new PartitionTableException($"{source}: partition '{partition.Label}' starts at 0x{partition.Offset:X}, inside the bootloader or the table itself (below 0x9000).");
            }

            if (partition.Offset % 0x1000 != 0 || (partition.Type == 0 && partition.Offset % 0x10000 != 0))
            {
                throw new PartitionTableException($"{source}: partition '{partition.Label}' at 0x{partition.Offset:X} is not aligned ({(partition.Type == 0 ? "app partitions need 64 KB" : "data partitions need 4 KB")}).");
            }

            for (int other = 0; other < index; other++)
            {
                Partition earlier = Partitions[other];
                if (partition.Offset < earlier.End && earlier.Offset < partition.End)
                {
                    throw new PartitionTableException($"{source}: partitions '{earlier.Label}' (0x{earlier.Offset:X}–0x{earlier.End:X}) and '{partition.Label}' (0x{partition.Offset:X}–0x{partition.End:X}) overlap.");
                }
            }
        }
    }
}
