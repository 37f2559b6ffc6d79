using System;
using System.Collections.Generic;
using System.Diagnostics;
using Wand.Host.Serial;

namespace Wand.Host.Flashing;

/// <summary>
/// Writes a <see cref="FlashPlan"/> through the ROM loader alone (no flasher stub), in 64 KB chunks: per chunk
/// FLASH_DEFL_BEGIN (the ROM erases), zlib blocks of 0x400 bytes that the ROM writes before answering, then
/// SPI_FLASH_MD5. A block the ROM discarded (checksum or format error) is resent; after a timeout the flash is probed
/// to tell a lost request (resend) from a lost answer (go on); anything still ambiguous (reset, wrong answer) restarts
/// the chunk after resynchronising, so data is only reported written when its MD5 matches.
/// </summary>
public sealed class RomFlasher
{
    /// <summary>The ROM's flash block size (esptool <c>FLASH_WRITE_SIZE</c> for the ROM loader), 0x400 bytes.</summary>
    public const int RomBlockSize = 0x400;

    private readonly RomConnection connection;
    private readonly IFlashProgress progress;
    private int targetBaudRate = RomConnector.RomBaudRate;
    private uint flashSize = SpiFlashProbe.FallbackSize;
    private int requestedRomRate = RomConnector.RomBaudRate;
    private int lostAnswers;

    /// <summary>Initializes a new instance of the <see cref="RomFlasher"/> class.</summary>
    /// <param name="connection">A synchronised connection.</param>
    /// <param name="progress">Receives progress.</param>
    public RomFlasher(RomConnection connection, IFlashProgress progress)
    {
        this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
        this.progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    /// <summary>
    /// Gets or sets the unit of compression, verification and retry in bytes (default 64 KB, a multiple of 4 KB). A
    /// chunk is one FLASH_DEFL_BEGIN, its blocks and one MD5; an ambiguous failure costs at most one chunk.
    /// </summary>
    public int ChunkSize { get; set; } = 0x10000;

    /// <summary>Gets or sets how many times a chunk is started over before the job fails (default 4).</summary>
    public int ChunkAttempts { get; set; } = 4;

    /// <summary>Gets or sets how many end-of-job repair passes may rewrite regions that changed (default 2).</summary>
    public int RepairPasses { get; set; } = 2;

    /// <summary>Gets or sets how many times one block is resent after the ROM discarded it (default 3).</summary>
    public int BlockAttempts { get; set; } = 3;

    /// <summary>Identifies the chip, raises the baud rate, attaches the flash and sets its geometry.</summary>
    /// <param name="baudRate">The rate for the transfer, bits per second.</param>
    /// <returns>The chip facts.</returns>
    public ChipInfo Prepare(int baudRate)
    {
        ChipInfo chip = ChipDetector.Describe(connection);
        progress.Status($"Detected {chip.Name}{(chip.MajorRevision >= 0 ? $" revision v{chip.MajorRevision}" : string.Empty)}, MAC {chip.MacAddress}, {chip.FlashSize >> 20} MB flash");
        targetBaudRate = baudRate;
        flashSize = chip.FlashSize;
        if (baudRate != connection.Port.BaudRate)
        {
            ChangeBaudRate(chip);
        }

        AttachFlash();
        return chip;
    }

    /// <summary>
    /// Puts the loader back to 115200 baud. Used when the chip cannot be reset at the end (no RTS line: pty, TCP), so the
    /// next connection finds the ROM at the rate it starts at.
    /// </summary>
    public void RestoreRomBaudRate()
    {
        if (connection.Port.BaudRate == RomConnector.RomBaudRate)
        {
            return;
        }

        int requested = (int)((long)RomConnector.RomBaudRate * requestedRomRate / Math.Max(1, targetBaudRate));
        progress.Status($"Returning the loader to {RomConnector.RomBaudRate} baud");
        connection.ChangeBaudRate(RomConnector.RomBaudRate, requested);
    }

    /// <summary>Reads the partition table from the board with slow 64-byte reads (the ROM has no fast read).</summary>
    /// <returns>The table.</returns>
    /// <exception cref="PartitionTableException">The board holds no valid table.</exception>
    public PartitionTable ReadPartitionTable()
    {
        List<byte> table = [];
        for (uint offset = 0; offset < PartitionTable.MaximumLength; offset += 64)
        {
            byte[] chunk = connection.ReadFlashSlow(PartitionTable.DefaultOffset + offset, 64);
            table.AddRange(chunk);
            if ((chunk[0] == 0xFF && chunk[1] == 0xFF) || (chunk[32] == 0xFF && chunk[33] == 0xFF))
            {
                break;
            }
        }

        return PartitionTable.Parse("the board's partition table at 0x8000", table.ToArray());
    }

    /// <summary>Erases flash with the ROM's up-front erase (FLASH_BEGIN with no data blocks).</summary>
    /// <param name="address">Start address, 4 KB aligned.</param>
    /// <param name="size">Bytes, a multiple of 4 KB.</param>
    public void Erase(uint address, uint size)
    {
        if (address % 0x1000 != 0 || size % 0x1000 != 0 || size == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"Erase needs a 4 KB aligned address and a size that is a non-zero multiple of 4 KB (got 0x{address:X}, 0x{size:X}).");
        }

        progress.Status($"Erasing 0x{address:X}–0x{address + size:X} ({size >> 10} KB)");
        connection.FlashBegin(size, 0, RomBlockSize, address);
    }

    /// <summary>Writes every region of the plan, then checks them all again and repairs any chunk that changed.</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="verify">Check each chunk's MD5 after writing and every region's at the end.</param>
    /// <param name="skipUnchanged">Skip regions and chunks whose MD5 already matches.</param>
    /// <returns>What happened per region.</returns>
    /// <exception cref="FlashVerificationException">A region still differs after the repair passes.</exception>
    public IReadOnlyList<RegionReport> Write(FlashPlan plan, bool verify, bool skipUnchanged)
    {
        ArgumentNullException.ThrowIfNull(plan);
        List<RegionReport> reports = [];
        foreach (FlashRegion region in plan.Regions)
        {
            reports.Add(WriteRegion(region, verify, skipUnchanged));
        }

        if (!verify)
        {
            return reports;
        }

        // A damaged request can, in the worst case, reach the ROM as a different command (for example a flipped
        // opcode bit turning FLASH_DEFL_DATA into FLASH_DEFL_BEGIN, which erases). So every region is checked once
        // more at the end, and only its differing chunks are written again.
        for (int pass = 1; pass <= RepairPasses + 1; pass++)
        {
            List<FlashRegion> damaged = [];
            foreach (FlashRegion region in plan.Regions)
            {
                if (ReadMd5OrRecover(region.Address, region.Data.Length) != Md5Digest.Hex(region.Data))
                {
                    damaged.Add(region);
                }
            }

            if (damaged.Count == 0)
            {
                return reports;
            }

            if (pass > RepairPasses)
            {
                throw new FlashVerificationException($"{string.Join(", ", damaged.ConvertAll(region => region.Name))} still differ(s) from the image after {RepairPasses} repair passes. The flash may be failing, or the line is too noisy: lower --baud, use a shorter cable, and flash again.");
            }

            foreach (FlashRegion region in damaged)
            {
                progress.Warning($"{region.Name} at 0x{region.Address:X} changed after it was written; writing its differing chunks again.");
                RegionReport repair = WriteRegion(region, verify: true, skipUnchanged: true);
                int index = reports.FindIndex(report => report.Name == region.Name);
                reports[index] = reports[index] with { Restarts = reports[index].Restarts + repair.Restarts + 1, ResentBlocks = reports[index].ResentBlocks + repair.ResentBlocks, LostAnswers = reports[index].LostAnswers + repair.LostAnswers };
            }
        }

        return reports;
    }

    private RegionReport WriteRegion(FlashRegion region, bool verify, bool skipUnchanged)
    {
        Stopwatch stopwatch = Stopwatch.StartNew();
        List<(int Offset, int Length, CompressedImage Image)> chunks = [];
        long wireLength = 0;
        for (int offset = 0; offset < region.Data.Length; offset += ChunkSize)
        {
            int length = Math.Min(ChunkSize, region.Data.Length - offset);
            CompressedImage image = CompressedImage.Create(region.Data.AsSpan(offset, length).ToArray());
            chunks.Add((offset, length, image));
            wireLength += image.WireLength;
        }

        progress.RegionStarted(region, wireLength);
        if (skipUnchanged && TryReadMd5(region.Address, region.Data.Length) == Md5Digest.Hex(region.Data))
        {
            progress.RegionFinished(region, skipped: true);
            return new RegionReport(region.Name, region.Address, region.Data.Length, wireLength, true, 0, 0, stopwatch.Elapsed);
        }

        int restarts = 0;
        int resentBlocks = 0;
        lostAnswers = 0;
        foreach ((int offset, int length, CompressedImage image) in chunks)
        {
            uint address = region.Address + (uint)offset;
            string expected = Md5Digest.Hex(region.Data.AsSpan(offset, length));
            if (skipUnchanged && chunks.Count > 1 && TryReadMd5(address, length) == expected)
            {
                progress.RegionProgress(region, offset + length);
                continue;
            }

            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    resentBlocks += SendImage(region, address, image, offset);
                    if (verify)
                    {
                        string actual = connection.FlashMd5(address, (uint)length);
                        if (actual != expected)
                        {
                            throw new FlashVerificationException($"{region.Name} at 0x{address:X}: flash MD5 is {actual}, the image's is {expected}.");
                        }
                    }

                    break;
                }
                catch (Exception exception) when (IsRecoverable(exception) && attempt < ChunkAttempts)
                {
                    restarts++;
                    progress.Warning($"{region.Name}: {exception.Message} Writing 0x{address:X}–0x{address + (uint)length:X} again (attempt {attempt + 1} of {ChunkAttempts}).");
                    Recover();
                }
            }
        }

        if (verify)
        {
            progress.Verifying(region);
        }

        progress.RegionFinished(region, skipped: false);
        return new RegionReport(region.Name, region.Address, region.Data.Length, wireLength, false, restarts, resentBlocks, stopwatch.Elapsed, lostAnswers);
    }

    private int SendImage(FlashRegion region, uint address, CompressedImage image, int doneBefore)
    {
        int resent = 0;
        RomCommand dataCommand;
        int blocks = image.BlockCount(RomBlockSize);
        if (image.IsCompressed)
        {
            uint roundedSize = (uint)((image.UncompressedLength + RomBlockSize - 1) / RomBlockSize * RomBlockSize);
            connection.FlashDeflateBegin(roundedSize, (uint)blocks, RomBlockSize, address);
            dataCommand = RomCommand.FlashDeflateData;
        }
        else
        {
            connection.FlashBegin((uint)image.UncompressedLength, (uint)blocks, RomBlockSize, address);
            dataCommand = RomCommand.FlashData;
        }

        for (int sequence = 0; sequence < blocks; sequence++)
        {
            ReadOnlySpan<byte> block = image.Block(sequence, RomBlockSize);
            // The ROM inflates and writes the block before answering, so the wait scales with its uncompressed size.
            TimeSpan timeout = connection.Timeouts.ForSize(connection.Timeouts.EraseWritePerMegabyte, image.UncompressedEstimate(block.Length));
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    connection.SendBlock(dataCommand, (uint)sequence, block, timeout);
                    break;
                }
                catch (RomErrorException exception) when (RomErrors.RequestWasDiscarded(exception.ErrorCode) && attempt < BlockAttempts)
                {
                    resent++;
                }
                catch (LoaderTimeoutException) when (attempt < BlockAttempts)
                {
                    // No answer: either the request was lost (resend it) or the answer was (go on). The flash tells.
                    BlockFate fate = BlockProbe.Probe(connection, address, image, sequence, RomBlockSize);
                    if (fate == BlockFate.Written)
                    {
                        lostAnswers++;
                        break;
                    }

                    if (fate != BlockFate.NotWritten)
                    {
                        throw;
                    }

                    resent++;
                }
            }

            progress.RegionProgress(region, doneBefore + Math.Min(image.UncompressedLength, (long)(sequence + 1) * image.UncompressedLength / blocks));
        }

        return resent;
    }

    private string? ReadMd5OrRecover(uint address, int length)
    {
        for (int attempt = 1; attempt <= ChunkAttempts; attempt++)
        {
            string? digest = TryReadMd5(address, length);
            if (digest is not null)
            {
                return digest;
            }

            Recover();
        }

        return null;
    }

    private string? TryReadMd5(uint address, int length)
    {
        try
        {
            return connection.FlashMd5(address, (uint)length);
        }
        catch (FlashingException)
        {
            connection.DiscardInput();
            return null;
        }
    }

    private static bool IsRecoverable(Exception exception) =>
        exception is LoaderTimeoutException or FlashVerificationException or RomErrorException or UnsupportedCommandException
        || (exception is SerialPortException serial && serial.Failure != SerialPortFailure.Disconnected);

    /// <summary>Gets the loader listening again after an ambiguous failure: resync at the transfer rate, else at 115200.</summary>
    private void Recover()
    {
        connection.ResetReceiver();
        connection.SendFrameBoundary();
        connection.DiscardInput();
        for (int sync = 0; sync < 3; sync++)
        {
            if (connection.TrySync())
            {
                AttachFlash(); // a reset the host did not see also detaches the flash
                return;
            }
        }

        if (connection.Port.BaudRate != RomConnector.RomBaudRate)
        {
            // A chip reset drops the ROM back to 115200: find it there, raise the rate and attach the flash again.
            progress.Warning($"The loader stopped answering at {connection.Port.BaudRate} baud; looking for it at {RomConnector.RomBaudRate}.");
            connection.Port.SetBaudRate(RomConnector.RomBaudRate);
            for (int sync = 0; sync < 5; sync++)
            {
                if (connection.TrySync())
                {
                    ChipInfo chip = ChipDetector.Describe(connection);
                    ChangeBaudRate(chip);
                    AttachFlash();
                    return;
                }
            }
        }

        for (int sync = 0; sync < 5; sync++)
        {
            if (connection.TrySync())
            {
                AttachFlash();
                return;
            }
        }

        throw new LoaderTimeoutException($"The ROM loader on {connection.Port.Name} stopped answering and did not come back; the flash content is incomplete. Reset the board into download mode and run the command again.");
    }

    private void ChangeBaudRate(ChipInfo chip)
    {
        int requested = targetBaudRate;
        if (chip.Family == ChipFamily.Esp32 && connection.Port.BaudRate == RomConnector.RomBaudRate)
        {
            // ESP32 ROM only: ask for a rate scaled by the ROM's own crystal estimate (esptool esp32.py change_baud).
            uint divider = connection.ReadRegister(0x3FF4_0014) & 0xF_FFFF;
            double estimate = divider * (double)connection.Port.BaudRate / 1e6;
            double nominal = chip.CrystalMegahertz;
            if (estimate > 0)
            {
                requested = (int)(targetBaudRate * estimate / nominal);
            }
        }

        progress.Status($"Changing baud rate to {targetBaudRate}");
        connection.ChangeBaudRate(targetBaudRate, requested);
        requestedRomRate = requested;
    }

    private void AttachFlash()
    {
        connection.AttachSpiFlash();
        connection.SetSpiFlashParameters(flashSize);
    }
}

/// <summary>What happened to one region.</summary>
/// <param name="Name">The region name.</param>
/// <param name="Address">Flash address.</param>
/// <param name="Length">Image bytes.</param>
/// <param name="WireLength">Bytes of (compressed) data sent per attempt.</param>
/// <param name="Skipped">Whether the flash already held the image.</param>
/// <param name="Restarts">How often the region was started over.</param>
/// <param name="ResentBlocks">How many blocks were resent because the ROM discarded them or never received them.</param>
/// <param name="Elapsed">Time taken, verification included.</param>
/// <param name="LostAnswers">How many blocks whose answer was lost were found written by probing the flash, so the chunk went on.</param>
public sealed record RegionReport(string Name, uint Address, int Length, long WireLength, bool Skipped, int Restarts, int ResentBlocks, TimeSpan Elapsed, int LostAnswers = 0);
