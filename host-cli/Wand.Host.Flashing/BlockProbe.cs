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
/// Tells a lost request from a lost answer after a data block timed out. The segment was erased up front, so a range
/// the block's arrival must have written is either the image's bytes (written) or 0xFF (not written). For plain blocks
/// that is the block itself. Compressed blocks are inflated into a window that reaches the flash only when full or at
/// the stream's end (<see cref="RomFlasher.RomInflateWindow"/>), so only a block that completes a window, or the last
/// block, leaves a trace: the window it completes. The check allows for the ROM's inflater holding back up to
/// <see cref="Margin"/> bytes. Any other block is <see cref="BlockFate.Unknown"/>, and the caller restarts the segment;
/// a wrong verdict is caught by the region's MD5.
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
    /// <param name="window">The ROM's inflate window, bytes.</param>
    /// <returns>What the flash says.</returns>
    public static BlockFate Probe(RomConnection connection, uint address, CompressedImage image, int sequence, int blockSize, int window)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(image);
        (long start, long end) = TraceRange(image, sequence, blockSize, window);
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

    /// <summary>
    /// The image bytes that reach the flash when block <paramref name="sequence"/> arrives and not before: for a plain
    /// block the block; for a compressed block the window it completes, or the rest of the stream for the last block;
    /// an empty range when the block leaves no certain trace.
    /// </summary>
    /// <param name="image">The payload.</param>
    /// <param name="sequence">The block.</param>
    /// <param name="blockSize">Payload bytes per block.</param>
    /// <param name="window">The ROM's inflate window, bytes.</param>
    /// <returns>Start and end offsets in the image (equal when there is nothing to probe).</returns>
    public static (long Start, long End) TraceRange(CompressedImage image, int sequence, int blockSize, int window)
    {
        ArgumentNullException.ThrowIfNull(image);
        long before = image.OutputAfter(sequence * blockSize);
        long after = image.OutputAfter((sequence + 1) * blockSize);
        if (!image.IsCompressed)
        {
            return (before, after);
        }

        if (sequence == image.BlockCount(blockSize) - 1)
        {
            return (before / window * window, image.UncompressedLength);
        }

        // The window that ends at the first boundary past the output before this block is written by this block only
        // when the block's output certainly reaches that boundary, even with the ROM holding back Margin bytes.
        long boundary = ((before / window) + 1) * window;
        return boundary <= after - Margin ? (boundary - window, boundary) : (0, 0);
    }
}
