using System;
using System.IO;
using System.IO.Compression;

namespace Wand.Host.Flashing;

/// <summary>
/// An image prepared for the wire: zlib (RFC 1950) at the smallest size, as esptool's <c>zlib.compress(image, 9)</c>,
/// or the raw bytes when compression would not make it smaller (esptool <c>cmds.py</c> <c>write_flash</c>, https://github.com/espressif/esptool/blob/v5.2.0/esptool/cmds.py).
/// </summary>
public sealed class CompressedImage
{
    private readonly byte[] payload;

    private CompressedImage(byte[] payload, byte[] plain, bool isCompressed)
    {
        this.payload = payload;
        Plain = plain;
        IsCompressed = isCompressed;
    }

    /// <summary>Gets the image bytes before compression.</summary>
    public byte[] Plain { get; }

    /// <summary>Gets a value indicating whether the payload is zlib data.</summary>
    public bool IsCompressed { get; }

    /// <summary>Gets the image length in bytes.</summary>
    public int UncompressedLength => Plain.Length;

    /// <summary>Gets the payload length in bytes (what crosses the line, before framing).</summary>
    public int WireLength => payload.Length;

    /// <summary>Compresses an image.</summary>
    /// <param name="image">The bytes.</param>
    /// <returns>The prepared image.</returns>
    public static CompressedImage Create(byte[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using MemoryStream output = new();
        using (ZLibStream zlib = new(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(image);
        }

        byte[] compressed = output.ToArray();
        return compressed.Length < image.Length
            ? new CompressedImage(compressed, image, true)
            : new CompressedImage(image, image, false);
    }

    /// <summary>Gets the number of blocks of <paramref name="blockSize"/> bytes.</summary>
    /// <param name="blockSize">Bytes per block.</param>
    /// <returns>The count; the last block may be short.</returns>
    public int BlockCount(int blockSize) => (payload.Length + blockSize - 1) / blockSize;

    /// <summary>Gets one block. A compressed last block is sent short; an uncompressed one is padded with 0xFF.</summary>
    /// <param name="index">The 0-based block number.</param>
    /// <param name="blockSize">Bytes per block.</param>
    /// <returns>The block.</returns>
    public ReadOnlySpan<byte> Block(int index, int blockSize)
    {
        int start = index * blockSize;
        int length = Math.Min(blockSize, payload.Length - start);
        if (IsCompressed || length == blockSize)
        {
            return payload.AsSpan(start, length);
        }

        byte[] padded = new byte[blockSize];
        padded.AsSpan().Fill(0xFF);
        payload.AsSpan(start, length).CopyTo(padded);
        return padded;
    }

    /// <summary>Gets how many image bytes the first <paramref name="payloadBytes"/> of the payload inflate to.</summary>
    /// <param name="payloadBytes">A payload prefix length in bytes.</param>
    /// <returns>Image bytes, 0 to <see cref="UncompressedLength"/>.</returns>
    public long OutputAfter(int payloadBytes)
    {
        int prefix = Math.Clamp(payloadBytes, 0, payload.Length);
        if (!IsCompressed)
        {
            return Math.Min(prefix, UncompressedLength);
        }

        using ZLibStream zlib = new(new MemoryStream(payload, 0, prefix, writable: false), CompressionMode.Decompress);
        byte[] buffer = new byte[16384];
        long total = 0;
        try
        {
            int count;
            while ((count = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += count;
            }
        }
        catch (InvalidDataException)
        {
            // A truncated stream ends here; what was produced before counts.
        }

        return total;
    }

    /// <summary>Estimates how many image bytes a block of the payload expands to (for timeouts), rounded up.</summary>
    /// <param name="blockLength">The block length in bytes.</param>
    /// <returns>Bytes, at least the block length.</returns>
    public long UncompressedEstimate(int blockLength) =>
        IsCompressed ? Math.Max(blockLength, (long)Math.Ceiling(2.0 * blockLength * UncompressedLength / Math.Max(1, payload.Length))) : blockLength;
}
