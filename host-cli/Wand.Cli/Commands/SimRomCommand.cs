using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.RomSimulator;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand sim rom</c>: serves a simulated ESP32 in download mode on a pseudo-terminal (the default) or on
/// 127.0.0.1, so <c>wand flash</c> can be tried and tested without a board. Runs until Ctrl-C.
/// </summary>
internal static class SimRomCommand
{
    private static readonly Option<int?> TcpOption = new("--tcp") { Description = "Serve on tcp://127.0.0.1:PORT instead of a pseudo-terminal (0 picks a free port)." };

    private static readonly Option<string> FlashSizeOption = new("--flash-size") { Description = "Simulated flash size: 1MB to 16MB.", DefaultValueFactory = _ => "4MB" };

    private static readonly Option<bool> LineTimingOption = new("--line-timing") { Description = "Limit the line to its baud rate (10 bit times per byte) and model chip time (erase, program, MD5, inflate) as a real ESP32 would." };

    private static readonly Option<bool> CrystalDriftOption = new("--crystal-drift") { Description = "The ROM misjudges its crystal as 38.73 MHz (as its 8 MHz RC oscillator drifts), so an uncompensated baud change lands 3 % off." };

    private static readonly Option<string> BootModeOption = new("--boot-mode") { Description = "How the chip boots on reset: download (GPIO0 low) or flash.", DefaultValueFactory = _ => "download" };

    private static readonly Option<string> BootProblemOption = new("--boot-problem") { Description = "A fault the boot log shows: none, brownout, flash-read-error.", DefaultValueFactory = _ => "none" };

    private static readonly Option<string> PackageOption = new("--package") { Description = "Chip package: d0wd (external flash) or pico-d4 (in-package flash on eFuse SPI pads).", DefaultValueFactory = _ => "d0wd" };

    private static readonly Option<int?> MaximumReliableBaudOption = new("--max-reliable-baud") { Description = "Above this rate 5 % of the bytes are lost, as with a bridge or cable that cannot keep up." };

    private static readonly Option<double> DropOption = new("--drop-rate") { Description = "Probability (0 to 1) that a byte is lost." };

    private static readonly Option<double> CorruptOption = new("--corrupt-rate") { Description = "Probability (0 to 1) that a byte has a bit flipped." };

    private static readonly Option<double> DelayOption = new("--delay-rate") { Description = "Probability (0 to 1) that a byte is held back by --delay-ms." };

    private static readonly Option<double> LoseAnswerOption = new("--lose-answer-rate") { Description = "Probability (0 to 1) that a whole answer is lost after the chip acted on the request." };

    private static readonly Option<int> DelayMillisecondsOption = new("--delay-ms") { Description = "How long a delayed byte is held back, milliseconds.", DefaultValueFactory = _ => 20 };

    private static readonly Option<int> ResetAfterOption = new("--reset-after-blocks") { Description = "Reset the chip once after this many flash data blocks (0: never)." };

    private static readonly Option<int> SeedOption = new("--seed") { Description = "Seed of the fault generator, so runs repeat.", DefaultValueFactory = _ => 1 };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("rom", "Serve a simulated ESP32 ROM bootloader on a pseudo-terminal or TCP port until Ctrl-C.")
        {
            TcpOption, FlashSizeOption, LineTimingOption, CrystalDriftOption, BootModeOption, BootProblemOption, PackageOption, MaximumReliableBaudOption, DropOption, CorruptOption, DelayOption, LoseAnswerOption, DelayMillisecondsOption, ResetAfterOption, SeedOption,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        if (!TryBuildOptions(parseResult, error, out RomSimulatorOptions? options, out string problem))
        {
            return FlashingCommandSupport.Fail(output, error, json, ExitCode.ValueOutOfRange, problem);
        }

        using RomSimulator.RomSimulator simulator = new(options);
        int? tcp = parseResult.GetValue(TcpOption);
        string address = tcp is int port ? $"tcp://127.0.0.1:{simulator.ServeTcp(port)}" : simulator.ServePseudoTerminal();
        if (json)
        {
            CliJson.Write(output, new JsonObject { ["port"] = address, ["flashBytes"] = options!.FlashSize });
        }
        else
        {
            output.WriteLine($"Simulated ESP32 ROM bootloader ({options!.FlashSize >> 20} MB flash) on {address}");
            output.WriteLine($"Try: wand chip-info --port {address}");
            output.WriteLine("Stop with Ctrl-C.");
        }

        output.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (!json)
        {
            output.WriteLine($"Stopped. {simulator.Statistics.FramesHandled} requests, {simulator.Statistics.BytesReceived:N0} bytes in, {simulator.Statistics.BytesSent:N0} out, {simulator.Statistics.ChipBusyTime.TotalSeconds:0.00} s of chip time modelled.");
        }

        return (int)ExitCode.Success;
    }

    private static bool TryBuildOptions(ParseResult parseResult, TextWriter error, out RomSimulatorOptions? options, out string problem)
    {
        options = null;
        problem = string.Empty;
        double drop = parseResult.GetValue(DropOption);
        double corrupt = parseResult.GetValue(CorruptOption);
        double delay = parseResult.GetValue(DelayOption);
        double loseAnswer = parseResult.GetValue(LoseAnswerOption);
        foreach ((string name, double value) in new[] { ("--drop-rate", drop), ("--corrupt-rate", corrupt), ("--delay-rate", delay), ("--lose-answer-rate", loseAnswer) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                problem = $"{name} {value} is outside 0 to 1.";
                return false;
            }
        }

        string size = parseResult.GetValue(FlashSizeOption)!.Trim().ToUpperInvariant();
        if (!size.EndsWith("MB", StringComparison.Ordinal) || !int.TryParse(size[..^2], out int megabytes) || megabytes is not (1 or 2 or 4 or 8 or 16))
        {
            problem = $"--flash-size '{size}' is not one of 1MB, 2MB, 4MB, 8MB, 16MB.";
            return false;
        }

        string bootMode = parseResult.GetValue(BootModeOption)!.Trim().ToLowerInvariant();
        string bootProblem = parseResult.GetValue(BootProblemOption)!.Trim().ToLowerInvariant();
        string package = parseResult.GetValue(PackageOption)!.Trim().ToLowerInvariant();
        if (bootMode is not ("download" or "flash") || bootProblem is not ("none" or "brownout" or "flash-read-error") || package is not ("d0wd" or "pico-d4"))
        {
            problem = $"--boot-mode '{bootMode}', --boot-problem '{bootProblem}' or --package '{package}' is unknown (download|flash, none|brownout|flash-read-error, d0wd|pico-d4).";
            return false;
        }

        int? maximumReliable = parseResult.GetValue(MaximumReliableBaudOption);
        if (maximumReliable is < 9600)
        {
            problem = $"--max-reliable-baud {maximumReliable} is below 9600.";
            return false;
        }

        int resetAfter = parseResult.GetValue(ResetAfterOption);
        bool faulty = drop > 0 || corrupt > 0 || delay > 0 || loseAnswer > 0 || resetAfter > 0;
        options = new RomSimulatorOptions
        {
            FlashSize = megabytes << 20,
            FlashJedecId = 0x40EFu | ((uint)(0x14 + (int)Math.Log2(megabytes)) << 16),
            LineTiming = parseResult.GetValue(LineTimingOption) ? new LineTiming() : null,
            ChipTiming = parseResult.GetValue(LineTimingOption) ? new ChipTiming() : null,
            RomCrystalEstimate = parseResult.GetValue(CrystalDriftOption) ? RomSimulatorOptions.DriftingCrystalEstimate : RomSimulatorOptions.RealCrystal,
            BootMode = bootMode == "flash" ? BootMode.SpiFlash : BootMode.Download,
            BootProblem = bootProblem switch { "brownout" => BootProblem.Brownout, "flash-read-error" => BootProblem.FlashReadError, _ => BootProblem.None },
            PackageVersion = package == "pico-d4" ? 5 : 1,
            SpiPads = package == "pico-d4" ? SpiPads.InPackage : SpiPads.Default,
            MaximumReliableBaudRate = maximumReliable,
            Log = message => error.WriteLine($"sim: {message}"),
            Faults = faulty ? new FaultInjection
            {
                Seed = parseResult.GetValue(SeedOption),
                DropProbability = drop,
                CorruptProbability = corrupt,
                DelayProbability = delay,
                LoseAnswerProbability = loseAnswer,
                Delay = TimeSpan.FromMilliseconds(parseResult.GetValue(DelayMillisecondsOption)),
                ResetAfterDataBlocks = resetAfter,
            } : null,
        };
        return true;
    }
}
