using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Wand.Host.Serial;

namespace Wand.Host.Flashing;

/// <summary>Everything <c>wand flash</c> needs to know.</summary>
public sealed record FlashJobOptions
{
    /// <summary>Gets the port address: a device path or <c>tcp://HOST:PORT</c>.</summary>
    public required string Port { get; init; }

    /// <summary>Gets the transfer rate in bits per second (the connection itself always starts at 115200).</summary>
    public int BaudRate { get; init; } = 921_600;

    /// <summary>Gets the firmware package, or <c>null</c> to deploy only the application.</summary>
    public FirmwarePackage? Package { get; init; }

    /// <summary>Gets the application image, or <c>null</c>.</summary>
    public byte[]? Application { get; init; }

    /// <summary>Gets the application file name for messages.</summary>
    public string ApplicationName { get; init; } = "application";

    /// <summary>Gets a value indicating whether to erase the whole flash first.</summary>
    public bool EraseAll { get; init; }

    /// <summary>Gets a value indicating whether to check each region's MD5 after writing.</summary>
    public bool Verify { get; init; } = true;

    /// <summary>Gets a value indicating whether to skip regions whose MD5 already matches.</summary>
    public bool SkipUnchanged { get; init; } = true;

    /// <summary>Gets the bootloader header mode and frequency (size is filled in from the detected flash unless set).</summary>
    public FlashSettings Settings { get; init; } = FlashSettings.Keep;

    /// <summary>Gets a value indicating whether to write the detected flash size into the bootloader header.</summary>
    public bool DetectFlashSize { get; init; } = true;

    /// <summary>Gets a value indicating whether to reset the chip into the new firmware at the end (needs RTS).</summary>
    public bool ResetAfter { get; init; } = true;

    /// <summary>Gets the answer timeouts.</summary>
    public RomTimeouts Timeouts { get; init; } = new();
}

/// <summary>The outcome of a flashing job.</summary>
/// <param name="Chip">The chip flashed.</param>
/// <param name="Plan">The plan written.</param>
/// <param name="Regions">Per-region reports.</param>
/// <param name="Elapsed">Total time, connection included.</param>
/// <param name="BytesSent">Bytes written to the line, framing included.</param>
/// <param name="ChipWasReset">Whether the chip was reset into the new firmware.</param>
/// <param name="TransferBaudRate">The rate the data went at, bits per second (lower than asked after a fallback).</param>
public sealed record FlashJobResult(ChipInfo Chip, FlashPlan Plan, IReadOnlyList<RegionReport> Regions, TimeSpan Elapsed, long BytesSent, bool ChipWasReset, int TransferBaudRate = 0);

/// <summary>
/// The whole <c>wand flash</c> job: validate images, open the port, connect, identify the chip, check it against the
/// images, raise the baud rate, erase if asked, write and verify, reset. Images are checked before the port is opened
/// and again against the detected chip and flash before anything is written.
/// </summary>
public static class FlashJob
{
    /// <summary>How long the boot log is read after the reset into the new firmware.</summary>
    private static readonly TimeSpan BootLogListen = TimeSpan.FromSeconds(1);

    /// <summary>Validates the images without a board (<c>--dry-run</c>).</summary>
    /// <param name="options">The job.</param>
    /// <param name="flashSize">The flash size to plan for, bytes.</param>
    /// <returns>The plan that would be written, or <c>null</c> when only an application was given (its address comes
    /// from the board's partition table).</returns>
    public static FlashPlan? Plan(FlashJobOptions options, uint flashSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        FlashPlanner.ValidateStructure(options.Package, options.Application, options.ApplicationName);
        return options.Package is null ? null : FlashPlanner.Build(Request(options, ChipFamily.Esp32, flashSize, null));
    }

    /// <summary>Runs the job.</summary>
    /// <param name="options">The job.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Stops the job between two requests to the loader (Ctrl-C).</param>
    /// <returns>What was written.</returns>
    /// <exception cref="FlashCancelledException">Cancelled; the message says what the flash holds.</exception>
    public static FlashJobResult Run(FlashJobOptions options, IFlashProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        Stopwatch stopwatch = Stopwatch.StartNew();
        FlashPlanner.ValidateStructure(options.Package, options.Application, options.ApplicationName);
        if (cancellationToken.IsCancellationRequested)
        {
            throw new FlashCancelledException("Stopped by request before connecting. Nothing was written to the flash.");
        }

        using ISerialPort port = SerialPortOpener.Open(options.Port, RomConnector.RomBaudRate);
        RomConnection connection = RomConnector.Connect(port, progress, options.Timeouts);
        RomFlasher flasher = new(connection, progress) { Cancellation = cancellationToken };
        ChipInfo chip = flasher.Prepare(options.BaudRate);

        PartitionTable? deviceTable = null;
        if (options.Package is null)
        {
            progress.Status("Reading the partition table from the board");
            deviceTable = flasher.ReadPartitionTable();
        }

        FlashPlan plan = FlashPlanner.Build(Request(options, chip.Family, chip.FlashSize, deviceTable));
        if (options.EraseAll)
        {
            flasher.Erase(0, chip.FlashSize);
        }

        IReadOnlyList<RegionReport> reports = flasher.Write(plan, options.Verify, options.SkipUnchanged && !options.EraseAll);
        bool reset = false;
        if (options.ResetAfter)
        {
            if (port.SupportsControlLines)
            {
                progress.Status("Resetting the chip into the new firmware");
                port.SetBaudRate(RomConnector.RomBaudRate);
                connection.DiscardInput();
                connection.ResetReceiver();
                new HardReset().Run(port);
                reset = true;

                // The boot log at 115200 tells whether the firmware starts (esptool does not look; a board that stays
                // in download mode or browns out is the usual "flashed but nothing happens").
                connection.Listen(BootLogListen);
                foreach (BootLogFinding finding in BootLogDiagnosis.AfterReset(connection.StrayText))
                {
                    progress.Warning(finding.Message);
                }
            }
            else
            {
                flasher.RestoreRomBaudRate();
                progress.Warning($"Chip was NOT reset: {port.Name} has no RTS line. Press the board's RESET button to start the new firmware.");
            }
        }
        else if (!port.SupportsControlLines)
        {
            flasher.RestoreRomBaudRate();
        }

        return new FlashJobResult(chip, plan, reports, stopwatch.Elapsed, connection.BytesSent, reset, flasher.TransferBaudRate);
    }

    private static FlashRequest Request(FlashJobOptions options, ChipFamily chip, uint flashSize, PartitionTable? deviceTable) => new()
    {
        Package = options.Package,
        Application = options.Application,
        ApplicationName = options.ApplicationName,
        Chip = chip,
        FlashSize = flashSize,
        Settings = options.DetectFlashSize && options.Settings.SizeCode is null
            ? options.Settings with { SizeCode = FlashSettings.SizeCodeFor(flashSize) }
            : options.Settings,
        DeviceTable = deviceTable,
    };
}
