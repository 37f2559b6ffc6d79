using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Wand.Host.Serial;

namespace Wand.Host.Flashing;

/// <summary>
/// Writes a <see cref="FlashPlan"/> through the ROM loader alone (no flasher stub). Per region: one SPI_FLASH_MD5 to
/// skip it when unchanged, then segments of 256 KB, each one FLASH_DEFL_BEGIN (the ROM erases up front) and zlib
/// blocks of 0x400 bytes, then one SPI_FLASH_MD5 over the whole region. A block the ROM discarded (checksum or format
/// error) is resent; after a timeout the flash is probed, where the ROM's buffering allows it, to tell a lost request
/// (resend) from a lost answer (go on); anything still ambiguous restarts the segment after resynchronising. Only when
/// the region's MD5 differs are segments checked one by one and the damaged ones written again.
/// </summary>
public sealed class RomFlasher
{
    /// <summary>The ROM's flash block size (esptool <c>FLASH_WRITE_SIZE</c> for the ROM loader), 0x400 bytes.</summary>
    public const int RomBlockSize = 0x400;

    /// <summary>
    /// The output window the ROM inflates into before it writes to flash, 32 KB (the miniz tinfl window; the published
    /// stub writes it when full or at the stream's end, esptool v4.5 flasher_stub/stub_write_flash.c). A compressed
    /// block's output is known to be in flash after its answer only when the block completed a window.
    /// </summary>
    public const int RomInflateWindow = 0x8000;

    /// <summary>The default <see cref="SegmentSize"/>, 256 KB.</summary>
    public const int DefaultSegmentSize = 0x40000;

    /// <summary>Lower rates tried, in order, when the loader does not answer reliably at the one asked for.</summary>
    public static readonly IReadOnlyList<int> FallbackBaudRates = [460_800, 230_400, RomConnector.RomBaudRate];

    private const int FallbackSwitchAttempts = 16;
    private static readonly TimeSpan SwitchAnswerTimeout = TimeSpan.FromMilliseconds(300);
    private readonly RomConnection connection;
    private readonly IFlashProgress progress;
    private readonly FlashState state = new();
    private ChipInfo? chip;
    private uint flashSize = SpiFlashProbe.FallbackSize;
    private int transferBaudRate = RomConnector.RomBaudRate;
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
    /// Gets or sets the unit of compression and restart in bytes (default 256 KB, a multiple of 4 KB). A segment is one
    /// FLASH_DEFL_BEGIN and its blocks; an ambiguous failure costs at most one segment.
    /// </summary>
    public int SegmentSize { get; set; } = DefaultSegmentSize;

    /// <summary>Gets or sets how many times a segment is started over before the job fails (default 4).</summary>
    public int SegmentAttempts { get; set; } = 4;

    /// <summary>Gets or sets how many repair passes may rewrite segments when a region's MD5 differs (default 2).</summary>
    public int RepairPasses { get; set; } = 2;

    /// <summary>Gets or sets how many times one block is resent after the ROM discarded it (default 3).</summary>
    public int BlockAttempts { get; set; } = 3;

    /// <summary>Gets or sets the token that stops the job between two requests (Ctrl-C).</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Gets the rate the transfer runs at after <see cref="Prepare"/>, bits per second (lower than asked after a fallback).</summary>
    public int TransferBaudRate => transferBaudRate;

    /// <summary>
    /// Identifies the chip, attaches its flash (eFuse SPI pads) and reads the flash id, raises the baud rate (esptool's
    /// ESP32 compensation, falling back to lower rates when the link fails), and sets the flash geometry.
    /// </summary>
    /// <param name="baudRate">The rate for the transfer, bits per second.</param>
    /// <returns>The chip facts.</returns>
    /// <exception cref="FlashNotRespondingException">The flash id reads 0xFFFFFF or 0 after attaching.</exception>
    public ChipInfo Prepare(int baudRate)
    {
        chip = ChipDetector.Describe(connection);
        progress.Status($"Detected {chip.Name}{(chip.MajorRevision >= 0 ? $" revision v{chip.MajorRevision}" : string.Empty)}, MAC {chip.MacAddress}, {chip.FlashSize >> 20} MB flash");
        if (chip.FlashJedecId is 0xFF_FFFF or 0)
        {
            throw new FlashNotRespondingException($"The SPI flash does not answer: its id reads 0x{chip.FlashJedecId:X6} after attaching it {(chip.SpiPads == 0 ? "on the default pins" : $"on the eFuse SPI pads (0x{chip.SpiPads:X})")}. Check the module's flash supply (VDD_SDIO strap on GPIO12) and that nothing on the board drives GPIO6 to GPIO11; nothing was written.");
        }

        flashSize = chip.FlashSize;
        transferBaudRate = connection.Port.BaudRate;
        if (baudRate != connection.Port.BaudRate)
        {
            transferBaudRate = ChangeBaudRate(baudRate);
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

        progress.Status($"Returning the loader to {RomConnector.RomBaudRate} baud");
        _ = TryMoveLoader(RomConnector.RomBaudRate, 3);
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

        ThrowIfCancelled();
        progress.Status($"Erasing 0x{address:X}–0x{address + size:X} ({size >> 10} KB)");
        state.Erased(address, size);
        connection.FlashBegin(size, 0, RomBlockSize, address);
    }

    /// <summary>Writes every region of the plan, each checked by one MD5 over the region.</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="verify">Check each region's MD5 after writing it.</param>
    /// <param name="skipUnchanged">Skip regions whose MD5 already matches.</param>
    /// <returns>What happened per region.</returns>
    /// <exception cref="FlashVerificationException">A region still differs after the repair passes.</exception>
    /// <exception cref="FlashCancelledException">The job was cancelled; the message says what the flash holds.</exception>
    public IReadOnlyList<RegionReport> Write(FlashPlan plan, bool verify, bool skipUnchanged)
    {
        ArgumentNullException.ThrowIfNull(plan);
        state.Plan(plan);
        List<RegionReport> reports = [];
        foreach (FlashRegion region in plan.Regions)
        {
            reports.Add(WriteRegion(region, verify, skipUnchanged));
        }

        return reports;
    }

    /// <summary>Describes what the flash holds now, for a job that stops early.</summary>
    /// <returns>One paragraph.</returns>
    public string DescribeFlashState() => state.Describe();

    private RegionReport WriteRegion(FlashRegion region, bool verify, bool skipUnchanged)
    {
        Stopwatch stopwatch = Stopwatch.StartNew();

        // Segments are compressed in the background, each while the ones before it are erased and sent, so the host's
        // compression overlaps line and chip time instead of preceding them.
        List<Segment> segments = [];
        for (int offset = 0; offset < region.Data.Length; offset += SegmentSize)
        {
            int start = offset;
            int length = Math.Min(SegmentSize, region.Data.Length - offset);
            segments.Add(new Segment(start, length, new Lazy<CompressedImage>(() => CompressedImage.Create(region.Data.AsSpan(start, length).ToArray()), LazyThreadSafetyMode.ExecutionAndPublication)));
        }

        if (segments.Count == 0)
        {
            throw new ImageValidationException(region.Name, "the image is empty; nothing to write.");
        }

        segments[0].StartCompressing();
        if (segments.Count > 1)
        {
            segments[1].StartCompressing();
        }

        ThrowIfCancelled();
        long estimate = (long)Math.Ceiling((double)segments[0].Image.WireLength * region.Data.Length / segments[0].Length);
        progress.RegionStarted(region, estimate);
        string expected = Md5Digest.Hex(region.Data);
        if (skipUnchanged && TryReadMd5(region.Address, region.Data.Length) == expected)
        {
            state.Finished(region, skipped: true);
            progress.RegionFinished(region, skipped: true);
            return new RegionReport(region.Name, region.Address, region.Data.Length, estimate, true, 0, 0, stopwatch.Elapsed);
        }

        int restarts = 0;
        int resentBlocks = 0;
        lostAnswers = 0;
        long wireLength = 0;
        for (int index = 0; index < segments.Count; index++)
        {
            if (index + 1 < segments.Count)
            {
                segments[index + 1].StartCompressing();
            }

            (int segmentRestarts, int segmentResent) = WriteSegment(region, segments[index]);
            restarts += segmentRestarts;
            resentBlocks += segmentResent;
            wireLength += segments[index].Image.WireLength;
        }

        if (verify)
        {
            progress.Verifying(region);
            for (int pass = 0; ; pass++)
            {
                string? actual = ReadMd5OrRecover(region.Address, region.Data.Length);
                if (actual == expected)
                {
                    break;
                }

                if (pass >= RepairPasses)
                {
                    throw new FlashVerificationException($"{region.Name} at 0x{region.Address:X}: the flash MD5 is {actual ?? "unreadable"}, the image's is {expected}, after {RepairPasses} repair passes. The flash may be failing, or the line is too noisy: lower --baud, use a shorter cable, and flash again.");
                }

                // Only now are segments checked one by one, to rewrite just the damaged ones.
                foreach (Segment segment in segments)
                {
                    string wanted = Md5Digest.Hex(region.Data.AsSpan(segment.Offset, segment.Length));
                    if (TryReadMd5(region.Address + (uint)segment.Offset, segment.Length) != wanted)
                    {
                        progress.Warning($"{region.Name}: 0x{region.Address + (uint)segment.Offset:X}–0x{region.Address + (uint)(segment.Offset + segment.Length):X} differs from the image after writing; writing it again.");
                        (int segmentRestarts, int segmentResent) = WriteSegment(region, segment);
                        restarts += segmentRestarts + 1;
                        resentBlocks += segmentResent;
                    }
                }
            }
        }

        state.Finished(region, skipped: false, verified: verify);
        progress.RegionFinished(region, skipped: false);
        return new RegionReport(region.Name, region.Address, region.Data.Length, wireLength, false, restarts, resentBlocks, stopwatch.Elapsed, lostAnswers);
    }

    private (int Restarts, int Resent) WriteSegment(FlashRegion region, Segment segment)
    {
        uint address = region.Address + (uint)segment.Offset;
        int restarts = 0;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return (restarts, SendImage(region, address, segment.Image, segment.Offset));
            }
            catch (Exception exception) when (IsRecoverable(exception) && attempt < SegmentAttempts)
            {
                restarts++;
                progress.Warning($"{region.Name}: {exception.Message} Writing 0x{address:X}–0x{address + (uint)segment.Length:X} again (attempt {attempt + 1} of {SegmentAttempts}).");
                Recover();
            }
        }
    }

    private int SendImage(FlashRegion region, uint address, CompressedImage image, int doneBefore)
    {
        ThrowIfCancelled();
        int resent = 0;
        RomCommand dataCommand;
        int blocks = image.BlockCount(RomBlockSize);
        uint eraseSize = (uint)((image.UncompressedLength + RomBlockSize - 1) / RomBlockSize * RomBlockSize);
        state.Erasing(region, address, eraseSize);
        if (image.IsCompressed)
        {
            // ROM: the size is rounded up to the block size (esptool loader.py flash_defl_begin).
            connection.FlashDeflateBegin(eraseSize, (uint)blocks, RomBlockSize, address);
            dataCommand = RomCommand.FlashDeflateData;
        }
        else
        {
            connection.FlashBegin((uint)image.UncompressedLength, (uint)blocks, RomBlockSize, address);
            dataCommand = RomCommand.FlashData;
        }

        for (int sequence = 0; sequence < blocks; sequence++)
        {
            ThrowIfCancelled();
            ReadOnlySpan<byte> block = image.Block(sequence, RomBlockSize);

            // The ROM inflates and, when a window fills, writes before answering, so the wait covers a window's program time.
            TimeSpan timeout = connection.Timeouts.ForSize(connection.Timeouts.EraseWritePerMegabyte, Math.Max(image.UncompressedEstimate(block.Length), image.IsCompressed ? RomInflateWindow : 0));
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
                    // No answer: either the request was lost (resend it) or the answer was (go on). The flash tells
                    // where the ROM's buffering lets it; otherwise the segment starts over.
                    BlockFate fate = BlockProbe.Probe(connection, address, image, sequence, RomBlockSize, RomInflateWindow);
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

            long written = doneBefore + Math.Min(image.UncompressedLength, (long)(sequence + 1) * image.UncompressedLength / blocks);
            state.Written(region, address, (uint)(written - doneBefore));
            progress.RegionProgress(region, written);
        }

        return resent;
    }

    private string? ReadMd5OrRecover(uint address, int length)
    {
        for (int attempt = 1; attempt <= SegmentAttempts; attempt++)
        {
            ThrowIfCancelled();
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

    private void ThrowIfCancelled()
    {
        if (!Cancellation.IsCancellationRequested)
        {
            return;
        }

        // Stopped between two requests: the loader is idle and answers; put it back to 115200 when no reset will follow.
        if (!connection.Port.SupportsControlLines)
        {
            try
            {
                RestoreRomBaudRate();
            }
            catch (FlashingException)
            {
            }
        }

        throw new FlashCancelledException($"Stopped by request. {state.Describe()}");
    }

    /// <summary>Gets the loader listening again after an ambiguous failure: resync at the transfer rate, else at 115200.</summary>
    private void Recover()
    {
        ThrowIfCancelled();
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
            int rate = connection.Port.BaudRate;
            connection.Port.SetBaudRate(RomConnector.RomBaudRate);
            for (int sync = 0; sync < 5; sync++)
            {
                if (connection.TrySync())
                {
                    chip = ChipDetector.Describe(connection);
                    transferBaudRate = ChangeBaudRate(rate);
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

        throw new LoaderTimeoutException($"The ROM loader on {connection.Port.Name} stopped answering and did not come back. {state.Describe()} Reset the board into download mode and run the command again.");
    }

    /// <summary>
    /// Raises the rate. The ESP32 ROM is asked for rate × (its crystal estimate) / (nominal crystal), the estimate being
    /// what it computed from its RC oscillator (esptool targets/esp32.py <c>change_baud</c>, "a workaround to avoid
    /// esp32 CK_8M frequency drift"). The link is then tested with several register reads; when it fails, the loader
    /// is moved to the next lower rate (from the failed rate, retrying, as its requests may be damaged there).
    /// </summary>
    private int ChangeBaudRate(int target)
    {
        List<int> ladder = [target];
        foreach (int fallback in FallbackBaudRates)
        {
            if (fallback < target)
            {
                ladder.Add(fallback);
            }
        }

        int loaderRate = connection.Port.BaudRate;
        bool loaderRateReliable = true;
        foreach (int rate in ladder)
        {
            if (rate == loaderRate && loaderRateReliable)
            {
                return rate;
            }

            progress.Status(rate == target ? $"Changing baud rate to {rate}" : $"Falling back to {rate} baud");
            connection.Port.SetBaudRate(loaderRate);
            if (TryMoveLoader(rate, loaderRateReliable ? 1 : FallbackSwitchAttempts))
            {
                if (rate != target)
                {
                    progress.Warning($"The link does not carry {target} baud reliably (cable, USB-UART bridge); flashing at {rate} baud. Give --baud {rate} to skip the test next time.");
                }

                return rate;
            }

            // Where is the loader now? Still at the old rate (the request was lost) or at the new one, on a bad link.
            connection.Port.SetBaudRate(loaderRate);
            connection.DiscardInput();
            if (!(loaderRateReliable && connection.IsResponsive(chip!.MagicValue)))
            {
                loaderRate = rate;
                loaderRateReliable = false;
            }
        }

        throw new LoaderTimeoutException($"The ROM loader on {connection.Port.Name} stopped answering after the baud-rate change and could not be brought back to {RomConnector.RomBaudRate} baud; nothing was written. Reset the board into download mode and flash again with a lower --baud.");
    }

    /// <summary>Asks the loader (at the host's current rate) to switch to <paramref name="rate"/>, switches the host, and tests the link.</summary>
    private bool TryMoveLoader(int rate, int attempts)
    {
        int from = connection.Port.BaudRate;
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            connection.Port.SetBaudRate(from);
            connection.TrySwitchBaudRate(rate, RequestedRomRate(rate), SwitchAnswerTimeout);
            if (connection.IsResponsive(chip?.MagicValue ?? 0x00F0_1D83))
            {
                return true;
            }
        }

        return false;
    }

    private int RequestedRomRate(int rate)
    {
        if (chip is not { Family: ChipFamily.Esp32, RomCrystalHertz: > 0 } esp32)
        {
            return rate;
        }

        double nominal = esp32.RomCrystalHertz > 33e6 ? 40e6 : 26e6;
        return (int)(rate * esp32.RomCrystalHertz / nominal);
    }

    private void AttachFlash()
    {
        connection.AttachSpiFlash(chip?.SpiPads ?? 0);
        connection.SetSpiFlashParameters(flashSize);
    }

    private sealed record Segment(int Offset, int Length, Lazy<CompressedImage> Compressed)
    {
        private System.Threading.Tasks.Task? compressing;

        public CompressedImage Image => Compressed.Value;

        public void StartCompressing() => compressing ??= System.Threading.Tasks.Task.Run(() => Compressed.Value);
    }
}

/// <summary>What happened to one region.</summary>
/// <param name="Name">The region name.</param>
/// <param name="Address">Flash address.</param>
/// <param name="Length">Image bytes.</param>
/// <param name="WireLength">Bytes of (compressed) data sent per attempt.</param>
/// <param name="Skipped">Whether the flash already held the image.</param>
/// <param name="Restarts">How often a segment of the region was started over.</param>
/// <param name="ResentBlocks">How many blocks were resent because the ROM discarded them or never received them.</param>
/// <param name="Elapsed">Time taken, verification included.</param>
/// <param name="LostAnswers">How many blocks whose answer was lost were found written by probing the flash, so the segment went on.</param>
public sealed record RegionReport(string Name, uint Address, int Length, long WireLength, bool Skipped, int Restarts, int ResentBlocks, TimeSpan Elapsed, int LostAnswers = 0);
