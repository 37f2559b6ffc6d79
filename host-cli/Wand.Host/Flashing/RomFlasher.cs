using System;
using System.Collections.Generic;
using System.Diagnostics;
using Wand.Host.Serial;

namespace Wand.Host.Flashing;

/// <summary>
/// Writes a <see cref="FlashPlan"/> through the ROM loader alone (no flasher stub): per region FLASH_DEFL_BEGIN (the
/// ROM erases), zlib blocks of 0x400 bytes that the ROM writes before answering, then SPI_FLASH_MD5. A block the ROM
/// discarded (checksum or format error) is resent; anything ambiguous (timeout, lost answer, reset) restarts the
/// region after resynchronising, so a region is only reported written when its MD5 matches.
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

    /// <summary>Initializes a new instance of the <see cref="RomFlasher"/> class.</summary>
    /// <param name="connection">A synchronised connection.</param>
    /// <param name="progress">Receives progress.</param>
    public RomFlasher(RomConnection connection, IFlashProgress progress)
    {
        this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
        this.progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    /// <summary>Gets or sets how many times a region is started over before the job fails, 1 to 10 (default 3).</summary>
    public int RegionAttempts { get; set; } = 3;

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

    /// <summary>Writes every region of the plan.</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="verify">Check each region's MD5 after writing.</param>
    /// <param name="skipUnchanged">Skip regions whose MD5 already matches.</param>
    /// <returns>What happened per region.</returns>
    public IReadOnlyList<RegionReport> Write(FlashPlan plan, bool verify, bool skipUnchanged)
    {
        ArgumentNullException.ThrowIfNull(plan);
        List<RegionReport> reports = [];
        foreach (FlashRegion region in plan.Regions)
        {
            reports.Add(WriteRegion(region, verify, skipUnchanged));
        }

        return reports;
    }

    private RegionReport WriteRegion(FlashRegion region, bool verify, bool skipUnchanged)
    {
        CompressedImage image = CompressedImage.Create(region.Data);
        string expected = Md5Digest.Hex(region.Data);
        Stopwatch stopwatch = Stopwatch.StartNew();
        progress.RegionStarted(region, image.WireLength);
        if (skipUnchanged && TryReadMd5(region) == expected)
        {
            progress.RegionFinished(region, skipped: true);
            return new RegionReport(region.Name, region.Address, region.Data.Length, image.WireLength, true, 0, 0, stopwatch.Elapsed);
        }

        int restarts = 0;
        int resentBlocks = 0;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                resentBlocks += SendImage(region, image);
                if (verify)
                {
                    progress.Verifying(region);
                    string actual = connection.FlashMd5(region.Address, (uint)region.Data.Length);
                    if (actual != expected)
                    {
                        throw new FlashVerificationException($"{region.Name} at 0x{region.Address:X}: flash MD5 is {actual}, the image's is {expected}.");
                    }
                }

                progress.RegionFinished(region, skipped: false);
                return new RegionReport(region.Name, region.Address, region.Data.Length, image.WireLength, false, restarts, resentBlocks, stopwatch.Elapsed);
            }
            catch (Exception exception) when (IsRecoverable(exception) && attempt < RegionAttempts)
            {
                restarts++;
                progress.Warning($"{region.Name}: {exception.Message} Starting the region again (attempt {attempt + 1} of {RegionAttempts}).");
                Recover();
            }
        }
    }

    private int SendImage(FlashRegion region, CompressedImage image)
    {
        int resent = 0;
        RomCommand dataCommand;
        if (image.IsCompressed)
        {
            uint roundedSize = (uint)((region.Data.Length + RomBlockSize - 1) / RomBlockSize * RomBlockSize);
            connection.FlashDeflateBegin(roundedSize, (uint)image.BlockCount(RomBlockSize), RomBlockSize, region.Address);
            dataCommand = RomCommand.FlashDeflateData;
        }
        else
        {
            connection.FlashBegin((uint)region.Data.Length, (uint)image.BlockCount(RomBlockSize), RomBlockSize, region.Address);
            dataCommand = RomCommand.FlashData;
        }

        int blocks = image.BlockCount(RomBlockSize);
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
            }

            progress.RegionProgress(region, Math.Min(region.Data.Length, (long)(sequence + 1) * region.Data.Length / blocks));
        }

        return resent;
    }

    private string? TryReadMd5(FlashRegion region)
    {
        try
        {
            return connection.FlashMd5(region.Address, (uint)region.Data.Length);
        }
        catch (FlashingException)
        {
            connection.DiscardInput();
            return null;
        }
    }

    private static bool IsRecoverable(Exception exception) =>
        exception is LoaderTimeoutException or FlashVerificationException or RomErrorException
        || (exception is SerialPortException serial && serial.Failure != SerialPortFailure.Disconnected);

    /// <summary>Gets the loader listening again after an ambiguous failure: resync at the transfer rate, else at 115200.</summary>
    private void Recover()
    {
        connection.ResetReceiver();
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
/// <param name="ResentBlocks">How many blocks were resent after the ROM discarded them.</param>
/// <param name="Elapsed">Time taken, verification included.</param>
public sealed record RegionReport(string Name, uint Address, int Length, long WireLength, bool Skipped, int Restarts, int ResentBlocks, TimeSpan Elapsed);
