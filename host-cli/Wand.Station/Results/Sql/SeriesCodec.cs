using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.Results.Sql;

/// <summary>
/// The compact, lossless form of a time series in the results store. Each value's 64-bit pattern is XORed with the
/// previous one in its column (times, then values), which turns the sign, exponent and leading mantissa bits that
/// neighbouring samples share into zero bytes; the bytes are then grouped by significance (all first bytes, then all
/// second bytes, …) and compressed with Brotli (RFC 7932). Decoding restores every double bit for bit.
/// </summary>
/// <remarks>
/// Layout: one format byte (<see cref="Format"/>), the point count as a 32-bit little-endian integer, then the Brotli
/// stream of 16 × count bytes.
/// </remarks>
internal static class SeriesCodec
{
    /// <summary>The format byte of this layout.</summary>
    public const byte Format = 1;

    private const int HeaderLength = 5;

    /// <summary>Encodes a series' points.</summary>
    /// <param name="points">The points in time order.</param>
    /// <returns>The encoded bytes.</returns>
    public static byte[] Encode(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        int count = points.Count;
        ulong[] words = new ulong[2 * count];
        ulong previousTime = 0;
        ulong previousValue = 0;
        for (int index = 0; index < count; index++)
        {
            ulong time = (ulong)BitConverter.DoubleToInt64Bits(points[index].TimeMilliseconds);
            ulong value = (ulong)BitConverter.DoubleToInt64Bits(points[index].Value);
            words[index] = time ^ previousTime;
            words[count + index] = value ^ previousValue;
            previousTime = time;
            previousValue = value;
        }

        byte[] planes = new byte[words.Length * 8];
        for (int plane = 0; plane < 8; plane++)
        {
            int shift = 56 - (8 * plane);
            int offset = plane * words.Length;
            for (int index = 0; index < words.Length; index++)
            {
                planes[offset + index] = (byte)(words[index] >> shift);
            }
        }

        using MemoryStream output = new();
        Span<byte> header = stackalloc byte[HeaderLength];
        header[0] = Format;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], count);
        output.Write(header);
        using (BrotliStream brotli = new(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(planes);
        }

        return output.ToArray();
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote.</summary>
    /// <param name="data">The encoded bytes.</param>
    /// <returns>The points, bit for bit as encoded.</returns>
    /// <exception cref="InvalidDataException">The bytes are not an encoded series of a known format.</exception>
    public static SeriesPoint[] Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < HeaderLength || data[0] != Format)
        {
            throw new InvalidDataException($"The stored series has format {(data.Length == 0 ? "none" : data[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}; this software reads format {Format}.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(1));
        if (count < 0 || count > (int.MaxValue / 16))
        {
            throw new InvalidDataException($"The stored series claims {count} points.");
        }

        byte[] planes = new byte[16 * count];
        try
        {
            using BrotliStream brotli = new(new MemoryStream(data, HeaderLength, data.Length - HeaderLength), CompressionMode.Decompress);
            brotli.ReadExactly(planes);
        }
        catch (EndOfStreamException error)
        {
            throw new InvalidDataException($"The stored series is shorter than its {count} points.", error);
        }

        int wordCount = 2 * count;
        ulong[] words = new ulong[wordCount];
        for (int plane = 0; plane < 8; plane++)
        {
            int shift = 56 - (8 * plane);
            int offset = plane * wordCount;
            for (int index = 0; index < wordCount; index++)
            {
                words[index] |= (ulong)planes[offset + index] << shift;
            }
        }

        SeriesPoint[] points = new SeriesPoint[count];
        ulong time = 0;
        ulong value = 0;
        for (int index = 0; index < count; index++)
        {
            time ^= words[index];
            value ^= words[count + index];
            points[index] = new SeriesPoint(BitConverter.Int64BitsToDouble((long)time), BitConverter.Int64BitsToDouble((long)value));
        }

        return points;
    }
}
