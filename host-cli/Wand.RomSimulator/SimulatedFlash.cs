using System;
using System.Security.Cryptography;

namespace Wand.RomSimulator;

/// <summary>
/// SPI NOR flash: erased bytes read 0xFF, programming can only clear bits (new = old AND data), erasing works on 4 KB
/// sectors. Thread-safe.
/// </summary>
public sealed class SimulatedFlash
{
    /// <summary>The erase unit in bytes.</summary>
    public const int SectorSize = 0x1000;

    private readonly byte[] memory;
    private readonly object gate = new();

    /// <summary>Initializes a new instance of the <see cref="SimulatedFlash"/> class, fully erased.</summary>
    /// <param name="size">Bytes, a multiple of 4 KB.</param>
    public SimulatedFlash(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, SectorSize);
        memory = new byte[size];
        memory.AsSpan().Fill(0xFF);
    }

    /// <summary>Gets the size in bytes.</summary>
    public int Size => memory.Length;

    /// <summary>Gets the number of sectors erased so far.</summary>
    public long SectorsErased { get; private set; }

    /// <summary>Gets the number of bytes programmed so far.</summary>
    public long BytesProgrammed { get; private set; }

    /// <summary>Erases every sector touching [address, address + length).</summary>
    /// <param name="address">Start address.</param>
    /// <param name="length">Bytes.</param>
    /// <returns>The number of sectors erased.</returns>
    public int Erase(int address, int length)
    {
        if (length <= 0)
        {
            return 0;
        }

        CheckRange(address, length);
        int first = address / SectorSize;
        int last = (address + length - 1) / SectorSize;
        lock (gate)
        {
            memory.AsSpan(first * SectorSize, (last - first + 1) * SectorSize).Fill(0xFF);
            SectorsErased += last - first + 1;
        }

        return last - first + 1;
    }

    /// <summary>Programs bytes. Bits can only go from 1 to 0, as on real NOR flash.</summary>
    /// <param name="address">Start address.</param>
    /// <param name="data">The bytes.</param>
    /// <returns><c>true</c> when the read-back equals <paramref name="data"/> (the ROM's write check).</returns>
    public bool Program(int address, ReadOnlySpan<byte> data)
    {
        CheckRange(address, data.Length);
        bool matches = true;
        lock (gate)
        {
            Span<byte> target = memory.AsSpan(address, data.Length);
            for (int index = 0; index < data.Length; index++)
            {
                target[index] &= data[index];
                matches &= target[index] == data[index];
            }

            BytesProgrammed += data.Length;
        }

        return matches;
    }

    /// <summary>Copies bytes out.</summary>
    /// <param name="address">Start address.</param>
    /// <param name="length">Bytes.</param>
    /// <returns>A copy.</returns>
    public byte[] Read(int address, int length)
    {
        CheckRange(address, length);
        lock (gate)
        {
            return memory.AsSpan(address, length).ToArray();
        }
    }

    /// <summary>Computes the MD5 of a range as 32 lowercase hex characters, the ROM's SPI_FLASH_MD5 answer.</summary>
    /// <param name="address">Start address.</param>
    /// <param name="length">Bytes.</param>
    /// <returns>The digest.</returns>
    public string Md5Hex(int address, int length)
    {
        CheckRange(address, length);
        lock (gate)
        {
#pragma warning disable CA5351 // The ROM's integrity check is MD5 by protocol; no security use.
            return Convert.ToHexStringLower(MD5.HashData(memory.AsSpan(address, length)));
#pragma warning restore CA5351
        }
    }

    /// <summary>Gets whether a range lies inside the flash.</summary>
    /// <param name="address">Start address.</param>
    /// <param name="length">Bytes.</param>
    /// <returns><c>true</c> when it does.</returns>
    public bool Contains(long address, long length) => address >= 0 && length >= 0 && address + length <= memory.Length;

    private void CheckRange(int address, int length)
    {
        if (!Contains(address, length))
        {
            throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:X}+0x{length:X} lies outside the {memory.Length >> 20} MB flash.");
        }
    }
}
