using System;
using System.Buffers.Binary;

namespace Wand.Host.Flashing;

/// <summary>
/// Builds request packets (host → chip): direction 0, opcode, 16-bit size, 32-bit checksum, data, all little-endian
/// (esptool serial-protocol documentation, "Command Packet").
/// </summary>
public static class RomPacket
{
    /// <summary>The seed of the data checksum (esptool <c>ESP_CHECKSUM_MAGIC</c>).</summary>
    public const byte ChecksumSeed = 0xEF;

    /// <summary>The request header length in bytes.</summary>
    public const int HeaderLength = 8;

    /// <summary>The largest data field a 16-bit size can describe, in bytes.</summary>
    public const int MaximumDataLength = ushort.MaxValue;

    /// <summary>Computes the checksum of a data block: 0xEF XOR every byte.</summary>
    /// <param name="data">The block being written (after the 16-byte length/sequence sub-header).</param>
    /// <returns>The checksum, 0 to 255.</returns>
    public static byte Checksum(ReadOnlySpan<byte> data)
    {
        byte checksum = ChecksumSeed;
        foreach (byte value in data)
        {
            checksum ^= value;
        }

        return checksum;
    }

    /// <summary>Builds an unframed request.</summary>
    /// <param name="command">The opcode.</param>
    /// <param name="data">The data field, at most 65,535 bytes.</param>
    /// <param name="checksum">The checksum field; 0 except for data commands.</param>
    /// <returns>The packet bytes, before SLIP framing.</returns>
    public static byte[] Build(RomCommand command, ReadOnlySpan<byte> data, uint checksum = 0)
    {
        if (data.Length > MaximumDataLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, "A ROM request carries at most 65,535 data bytes.");
        }

        byte[] packet = new byte[HeaderLength + data.Length];
        packet[0] = 0x00;
        packet[1] = (byte)command;
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(2), (ushort)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4), checksum);
        data.CopyTo(packet.AsSpan(HeaderLength));
        return packet;
    }

    /// <summary>Packs 32-bit little-endian words, the argument format of every ROM command.</summary>
    /// <param name="words">The words in order.</param>
    /// <returns>4 bytes per word.</returns>
    public static byte[] Words(params ReadOnlySpan<uint> words)
    {
        byte[] bytes = new byte[words.Length * 4];
        for (int index = 0; index < words.Length; index++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(index * 4), words[index]);
        }

        return bytes;
    }

    /// <summary>Builds the data field of a data command: length, sequence, 0, 0, then the block.</summary>
    /// <param name="sequence">The 0-based block number.</param>
    /// <param name="block">The block bytes.</param>
    /// <returns>The data field.</returns>
    public static byte[] DataBlock(uint sequence, ReadOnlySpan<byte> block)
    {
        byte[] data = new byte[16 + block.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(0), (uint)block.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), sequence);
        block.CopyTo(data.AsSpan(16));
        return data;
    }

    /// <summary>The SYNC data: <c>07 07 12 20</c> followed by 32 bytes of <c>55</c>.</summary>
    /// <returns>36 bytes.</returns>
    public static byte[] SyncData()
    {
        byte[] data = new byte[36];
        data[0] = 0x07;
        data[1] = 0x07;
        data[2] = 0x12;
        data[3] = 0x20;
        data.AsSpan(4).Fill(0x55);
        return data;
    }
}
