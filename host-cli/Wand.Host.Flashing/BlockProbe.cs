using System;

namespace Wand.Host.Flashing;

/// <summary>What the flash says about a block whose answer never came.</summary>
public enum BlockFate
{
    /// <summary>The flash cannot tell (the block's output is too short, all 0xFF, or the flash holds something else).</summary>
    Unknown,

    /// <summary>The block's output is in the flash: the ROM wrote it and only its answer was lost.</summary>
    Written,

    /// <summary>The block's output range is still erased: the ROM never got the block.</summary>
    NotWritten,
}

/// <summary>
/// Tells a lost request from a lost answer after a data block timed out. The ROM writes a block's output before it
/// answers, and the chunk was erased up front, so the range only that block produces is either the image's bytes
/// (written) or 0xFF (not written). The range is computed by inflating the payload up to and including the block,
/// trimmed by a margin at both ends because the ROM's inflater may hold back a few bytes. Anything else is
/// <see cref="BlockFate.Unknown"/>, and the caller rewrites the chunk; a wrong verdict is caught by the chunk's MD5.
/// </summary>
public static class BlockProbe
{
    /// <summary>Bytes trimmed from each end of the block's output range.</summary>
    public const int Margin = 64;

    /// <summary>The shortest range worth probing, in bytes.</summary>
    public const int MinimumRange = 256;

    /// <summary>Resynchronises and probes the flash.</summary>
    /// <param name="connection">The connection; it is resynchronised first.</param>
    /// <param name="address">The chunk's flash address.</param>
    /// <param name="image">The chunk's payload.</param>
    /// <param name="sequence">The block that timed out.</param>
    /// <param name="blockSize">Payload bytes per block.</param>
    /// <returns>What the flash says.</returns>
    public static BlockFate Probe(RomConnection connection, uint address, CompressedImage image, int sequence, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(image);
        (long start, long end) = OutputRange(image, sequence, blockSize);
        start = (start + Margin + 3) & ~3L;
        end = (end - Margin) & ~3L;
        if (end - start < MinimumRange)
        {
            return BlockFate.Unknown;
        }

        ReadOnlySpan<byte> expected = image.Plain.AsSpan((int)start, (int)(end - start));
        if (!expected.ContainsAnyExcept((byte)0xFF))
        {
            return BlockFate.Unknown;
        }

        connection.ResetReceiver();
        connection.SendFrameBoundary();
        if (!connection.TrySync() && !connection.TrySync())
        {
            return BlockFate.Unknown;
        }

        string actual;
        try
        {
            actual = connection.FlashMd5(address + (uint)start, (uint)(end - start));
        }
        catch (FlashingException)
        {
            return BlockFate.Unknown;
        }

        if (actual == Md5Digest.Hex(expected))
        {
            return BlockFate.Written;
        }

        byte[] erased = new byte[end - start];
        erased.AsSpan().Fill(0xFF);
        return actual == Md5Digest.Hex(erased) ? BlockFate.NotWritten : BlockFate.Unknown;
    }

    /// <summary>The image bytes that only block <paramref name="sequence"/> produces: [output after the blocks before it, output after it).</summary>
    /// <param name="image">The payload.</param>
    /// <param name="sequence">The block.</param>
    /// <param name="blockSize">Payload bytes per block.</param>
    /// <returns>Start and end offsets in the image.</returns>
    public static (long Start, long End) OutputRange(CompressedImage image, int sequence, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(image);
        return (image.OutputAfter(sequence * blockSize), image.OutputAfter((sequence + 1) * blockSize));
    }
}
