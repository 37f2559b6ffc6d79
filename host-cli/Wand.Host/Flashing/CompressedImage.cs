using System;
using System.IO;
using System.IO.Compression;

namespace Wand.Host.Flashing;

/// <summary>
/// An image prepared for the wire: zlib (RFC 1950) at the smallest size, as esptool's <c>zlib.compress(image, 9)</c>,
/// or the raw bytes when compression would not make it smaller (fact sheet §5.4).
/// </summary>
public sealed class CompressedImage
{
    private readonly byte[] payload;

    private CompressedImage(byte[] payload, int uncompressedLength, bool isCompressed)
    {
        this.payload = payload;
        UncompressedLength = uncompressedLength;
        IsCompressed = isCompressed;
    }

    /// <summary>Gets a value indicating whether the payload is zlib data.</summary>
    public bool IsCompressed { get; }

    /// <summary>Gets the image length in bytes.</summary>
    public int UncompressedLength { get; }

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
            ? new CompressedImage(compressed, image.Length, true)
            : new CompressedImage(image, image.Length, false);
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

    /// <summary>Estimates how many image bytes a block of the payload expands to (for timeouts), rounded up.</summary>
    /// <param name="blockLength">The block length in bytes.</param>
    /// <returns>Bytes, at least the block length.</returns>
    public long UncompressedEstimate(int blockLength) =>
        IsCompressed ? Math.Max(blockLength, (long)Math.Ceiling(2.0 * blockLength * UncompressedLength / Math.Max(1, payload.Length))) : blockLength;
}
