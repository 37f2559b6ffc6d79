using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Wand.Host.Flashing;

namespace Wand.Flashing.Tests;

/// <summary>
/// Builds realistic-looking nanoFramework ESP32 images: valid ESP image structure (header, extended header, segments,
/// checksum, SHA-256) whose segment content mixes instruction-like words, string tables, zero-filled data and
/// incompressible blobs, so it compresses about as well as a real ESP-IDF application (esptool's published samples: 53–59 %).
/// </summary>
public static class TestImages
{
    /// <summary>The nanoFramework ESP32 4 MB partition table (nf-interpreter <c>targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv</c>).</summary>
    public static readonly Partition[] FourMegabyteLayout =
    [
        new("nvs", 1, 0x02, 0x9000, 0x6000, 0),
        new("phy_init", 1, 0x01, 0xF000, 0x1000, 0),
        new("factory", 0, 0x00, 0x10000, 0x1D0000, 0),
        new("deploy", 1, 0x84, 0x1E0000, 0x1C0000, 0),
        new("config", 1, 0x83, 0x3C0000, 0x40000, 0),
    ];

    private static readonly string[] Words =
    [
        "nanoFramework", "System.Device.Pwm", "GattServiceProvider", "Characteristic", "ESP32", "heap", "managed", "assembly",
        "Exception", "NullReferenceException", "IndexOutOfRangeException", "Debug.WriteLine", "Thread", "Timer", "Bluetooth",
        "advertising", "wireless", "partition", "deployment", "interpreter", "garbage collector", "type system", "CLR_RT_",
        "Hardware.Esp32", "System.Math", "%s:%d", "E (%u) %s: ", "failed to allocate", "nvs_flash_init", "esp_ble_gatts_",
    ];

    /// <summary>Builds an ESP image of about <paramref name="length"/> bytes for a chip id.</summary>
    /// <param name="length">Approximate total length in bytes.</param>
    /// <param name="chipId">Extended-header chip id (0 = ESP32).</param>
    /// <param name="seed">Content seed.</param>
    /// <returns>The image.</returns>
    public static byte[] EspImage(int length, ushort chipId = 0, int seed = 1)
    {
        Random random = new(seed);
        int segmentCount = 5;
        int body = length - EspImageHeaderLength - (segmentCount * 8) - 48;
        List<(uint Address, byte[] Data)> segments = [];
        int remaining = body;
        for (int index = 0; index < segmentCount; index++)
        {
            int size = index == segmentCount - 1 ? remaining : (body / segmentCount) & ~3;
            remaining -= size;
            segments.Add(((uint)(0x400D_0000 + (index * 0x10_0000)), SegmentContent(size, random)));
        }

        return BuildEspImage(chipId, segments, hashAppended: true);
    }

    /// <summary>Builds an ESP image from explicit segments.</summary>
    /// <param name="chipId">Chip id.</param>
    /// <param name="segments">Load addresses and contents.</param>
    /// <param name="hashAppended">Whether to append a SHA-256.</param>
    /// <returns>The image.</returns>
    public static byte[] BuildEspImage(ushort chipId, IReadOnlyList<(uint Address, byte[] Data)> segments, bool hashAppended)
    {
        using MemoryStream stream = new();
        Span<byte> header = stackalloc byte[EspImageHeaderLength];
        header.Clear();
        header[0] = 0xE9;
        header[1] = (byte)segments.Count;
        header[2] = 2; // DIO
        header[3] = 0x20; // 4 MB, 40 MHz
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 0x4008_0000);
        header[8] = 0xEE; // WP pin: not used
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], chipId);
        header[23] = hashAppended ? (byte)1 : (byte)0;
        stream.Write(header);
        byte checksum = 0xEF;
        Span<byte> segmentHeader = stackalloc byte[8];
        foreach ((uint address, byte[] data) in segments)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader, address);
            BinaryPrimitives.WriteUInt32LittleEndian(segmentHeader[4..], (uint)data.Length);
            stream.Write(segmentHeader);
            stream.Write(data);
            foreach (byte value in data)
            {
                checksum ^= value;
            }
        }

        int padding = 15 - (int)(stream.Length % 16);
        stream.Write(new byte[padding]);
        stream.WriteByte(checksum);
        if (hashAppended)
        {
            stream.Write(SHA256.HashData(stream.ToArray()));
        }

        return stream.ToArray();
    }

    /// <summary>Builds a nanoFramework deployment image: concatenated assemblies starting with NFMRK1.</summary>
    /// <param name="length">Approximate length in bytes.</param>
    /// <param name="seed">Content seed.</param>
    /// <returns>The image.</returns>
    public static byte[] Application(int length, int seed = 7)
    {
        Random random = new(seed);
        byte[] content = SegmentContent(length, random);
        "NFMRK1"u8.CopyTo(content);
        return content;
    }

    /// <summary>Builds a complete package for the 4 MB layout.</summary>
    /// <param name="runtimeLength">nanoCLR length, bytes.</param>
    /// <param name="chipId">Chip id of both ESP images.</param>
    /// <returns>The package.</returns>
    public static FirmwarePackage Package(int runtimeLength = 1_800_000, ushort chipId = 0) =>
        FirmwarePackage.FromImages(
            "test-package",
            EspImage(26_000, chipId, seed: 3),
            EspImage(runtimeLength, chipId, seed: 5),
            new Dictionary<string, byte[]> { ["partitions_4mb.bin"] = PartitionTable.Build(FourMegabyteLayout) });

    private const int EspImageHeaderLength = 24;

    private static byte[] SegmentContent(int size, Random random)
    {
        byte[] data = new byte[size];
        int position = 0;
        while (position < size)
        {
            int chunk = Math.Min(size - position, random.Next(512, 8192));
            Span<byte> target = data.AsSpan(position, chunk);
            switch (random.Next(10))
            {
                case < 5:
                    InstructionLike(target, random);
                    break;
                case < 8:
                    StringTable(target, random);
                    break;
                case 8:
                    target.Clear();
                    break;
                default:
                    random.NextBytes(target); // compressed resources, keys, tables
                    break;
            }

            position += chunk;
        }

        return data;
    }

    private static void InstructionLike(Span<byte> target, Random random)
    {
        // Xtensa-like 3-byte instructions: a few frequent opcodes with varying register/immediate fields.
        ReadOnlySpan<byte> opcodes = [0x36, 0x1D, 0x0C, 0x20, 0x81, 0xE0, 0x22, 0xA2, 0x32, 0xC2];
        for (int index = 0; index + 3 <= target.Length; index += 3)
        {
            target[index] = opcodes[random.Next(opcodes.Length)];
            target[index + 1] = (byte)(random.Next(16) << 4 | random.Next(4));
            target[index + 2] = (byte)random.Next(random.Next(2) == 0 ? 16 : 256);
        }
    }

    private static void StringTable(Span<byte> target, Random random)
    {
        StringBuilder text = new();
        while (text.Length < target.Length)
        {
            text.Append(Words[random.Next(Words.Length)]).Append(random.Next(3) == 0 ? '\0' : ' ');
        }

        Encoding.ASCII.GetBytes(text.ToString(0, target.Length), target);
    }
}
