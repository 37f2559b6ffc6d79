using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Text.Json.Nodes;
using Wand.Cli.Output;
using Wand.Host.Flashing;
using Wand.Host.Serial;

namespace Wand.Cli.Commands;

/// <summary>What the flashing commands (flash, chip-info, erase) share: the port option, error mapping, output.</summary>
internal static class FlashingCommandSupport
{
    /// <summary>Creates the <c>--port</c> option.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreatePortOption() => new("--port", "-p")
    {
        Description = "Serial port of the board (/dev/ttyUSB0) or tcp://127.0.0.1:PORT of 'wand sim rom --tcp'. Default: the only ESP32 USB bridge found.",
    };

    /// <summary>
    /// Picks the port: <c>--port</c>, else the global <c>--device serial:PORT</c>, else the single known ESP32 USB
    /// bridge. Any other <c>--device</c> (sim, tcp://, unix:, ble:) addresses a running wand, which cannot carry the
    /// ROM bootloader's protocol, and is refused.
    /// </summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="portOption">The command's <c>--port</c> option.</param>
    /// <param name="error">Where to explain a failure.</param>
    /// <returns>The port, or <c>null</c> when none could be chosen (the reason is written).</returns>
    public static string? ResolvePort(ParseResult parseResult, Option<string?> portOption, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        string? port = parseResult.GetValue(portOption);
        OptionResult? device = parseResult.GetResult(CommonOptions.Device);
        if (device is { Implicit: false })
        {
            string value = parseResult.GetValue(CommonOptions.Device) ?? string.Empty;
            if (!value.StartsWith("serial:", StringComparison.OrdinalIgnoreCase) || value.Length <= "serial:".Length)
            {
                error.WriteLine($"error: --device {value} addresses a running wand; flashing talks to the ESP32 ROM bootloader over a serial port. Use --port PORT (or --device serial:PORT, or tcp://HOST:PORT of 'wand sim rom --tcp' with --port).");
                return null;
            }

            string serial = value["serial:".Length..];
            if (!string.IsNullOrWhiteSpace(port) && port != serial)
            {
                error.WriteLine($"error: --port {port} and --device {value} name different ports; give one of them.");
                return null;
            }

            return serial;
        }

        return ResolvePort(port, error);
    }

    /// <summary>Picks the port: the one given, or the single known ESP32 USB bridge.</summary>
    /// <param name="port">The <c>--port</c> value.</param>
    /// <param name="error">Where to explain a failure.</param>
    /// <returns>The port, or <c>null</c> when none could be chosen (the reason is written).</returns>
    public static string? ResolvePort(string? port, TextWriter error)
    {
        if (!string.IsNullOrWhiteSpace(port))
        {
            return port;
        }

        List<SerialPortInfo> candidates = [];
        foreach (SerialPortInfo info in SerialPortLister.List())
        {
            if (info.KnownBridge is not null)
            {
                candidates.Add(info);
            }
        }

        if (candidates.Count == 1)
        {
            error.WriteLine($"Using {candidates[0].Path} ({candidates[0].KnownBridge}).");
            return candidates[0].Path;
        }

        error.WriteLine(candidates.Count == 0
            ? "error: no ESP32 board found on USB. Plug it in, or name the port with --port (see 'wand ports')."
            : $"error: several boards found ({string.Join(", ", candidates.ConvertAll(candidate => candidate.Path))}); choose one with --port.");
        return null;
    }

    /// <summary>Maps a failure of the host library to an exit code.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The exit code.</returns>
    public static ExitCode ExitCodeFor(Exception exception) => exception switch
    {
        SerialPortException { Failure: SerialPortFailure.Busy } => ExitCode.FlashPortBusy,
        SerialPortException { Failure: SerialPortFailure.Disconnected } => ExitCode.FlashLinkLost,
        SerialPortException => ExitCode.FlashPortUnavailable,
        ImageValidationException => ExitCode.FlashImageInvalid,
        ChipMismatchException => ExitCode.FlashChipMismatch,
        ImageTooLargeException => ExitCode.FlashImageTooLarge,
        PartitionTableException => ExitCode.FlashPartitionTableInvalid,
        BootloaderNotRespondingException => ExitCode.FlashNoBootloader,
        RomErrorException or UnsupportedCommandException => ExitCode.FlashRomError,
        FlashVerificationException => ExitCode.FlashVerifyFailed,
        FlashCancelledException => ExitCode.Cancelled,
        FlashNotRespondingException => ExitCode.FlashRomError,
        LoaderTimeoutException => ExitCode.FlashLinkLost,
        _ => ExitCode.InternalError,
    };

    /// <summary>Reports a failure in the one error shape (<see cref="ExitCodeMapping.Report(TextWriter, TextWriter, bool, ExitCode, string)"/>).</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="json">Whether JSON was asked for.</param>
    /// <param name="code">The exit code.</param>
    /// <param name="message">What went wrong.</param>
    /// <returns>The exit code as an integer.</returns>
    public static int Fail(TextWriter output, TextWriter error, bool json, ExitCode code, string message) =>
        ExitCodeMapping.Report(output, error, json, code, message);

    /// <summary>Runs a job and maps its typed failures to exit codes.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="json">Whether JSON was asked for.</param>
    /// <param name="job">The job; returns its exit code.</param>
    /// <returns>The exit code as an integer.</returns>
    public static int Guard(TextWriter output, TextWriter error, bool json, Func<int> job)
    {
        try
        {
            return job();
        }
        catch (Wand.Host.WandHostException exception)
        {
            return Fail(output, error, json, ExitCodeFor(exception), exception.Message);
        }
        catch (ArgumentException exception)
        {
            return Fail(output, error, json, ExitCode.ValueOutOfRange, exception.Message);
        }
        catch (IOException exception)
        {
            return Fail(output, error, json, ExitCode.FlashImageInvalid, exception.Message);
        }
    }

    /// <summary>Describes the chip as a JSON-friendly object.</summary>
    /// <param name="chip">The chip.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Describe(ChipInfo chip) => new()
    {
        ["chip"] = chip.Name,
        ["revision"] = chip.MajorRevision,
        ["mac"] = chip.MacAddress,
        ["crystalMegahertz"] = chip.CrystalMegahertz,
        ["flashJedecId"] = $"0x{chip.FlashJedecId:X6}",
        ["flashBytes"] = chip.FlashSize,
        ["features"] = CliJson.Texts(chip.Features),
    };
}
