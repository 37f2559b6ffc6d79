using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host;
using Wand.Host.Flashing;
using Wand.Host.Serial;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand flash</c>: writes a nanoFramework firmware package (bootloader, partition table, nanoCLR) and/or an
/// application to an ESP32 through its serial ROM loader, verified by MD5.
/// </summary>
internal static class FlashCommand
{
    private static readonly Option<string?> FirmwareOption = new("--firmware", "-f")
    {
        Description = "Firmware package: a folder or zip with bootloader.bin, partitions_<N>mb.bin and nanoCLR.bin.",
    };

    private static readonly Option<FileInfo?> ApplicationOption = new("--app", "-a")
    {
        Description = "Application deployment image (.bin from the app's build), written to the partition table's deployment partition.",
    };

    private static readonly Option<string?> PortOption = FlashingCommandSupport.CreatePortOption();

    private static readonly Option<int> BaudOption = new("--baud", "-b")
    {
        Description = $"Transfer rate in bits per second after connecting at 115200 ({BaudRateRange.Text}).",
        DefaultValueFactory = _ => 921_600,
    };

    private static readonly Option<bool> EraseAllOption = new("--erase-all") { Description = "Erase the whole flash first (also removes stored settings)." };

    private static readonly Option<bool> NoVerifyOption = new("--no-verify") { Description = "Skip the MD5 check after writing (faster, but line damage goes unnoticed)." };

    private static readonly Option<bool> NoSkipOption = new("--no-skip") { Description = "Write regions even when the board already holds them." };

    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Check the images and print the plan without touching a board." };

    private static readonly Option<string> FlashModeOption = new("--flash-mode")
    {
        Description = "Flash mode written into the bootloader header: keep, qio, qout, dio, dout.",
        DefaultValueFactory = _ => "keep",
    };

    private static readonly Option<string> FlashFrequencyOption = new("--flash-freq")
    {
        Description = "Flash frequency written into the bootloader header: keep, 80m, 40m, 26m, 20m.",
        DefaultValueFactory = _ => "keep",
    };

    private static readonly Option<string> FlashSizeOption = new("--flash-size")
    {
        Description = "Flash size: detect (read the board's flash id; 4MB for --dry-run), keep, or 1MB to 128MB.",
        DefaultValueFactory = _ => "detect",
    };

    private static readonly Option<bool> NoResetOption = new("--no-reset") { Description = "Leave the chip in the bootloader instead of resetting it into the new firmware." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("flash", "Flash nanoCLR and/or the application onto an ESP32 over its serial ROM bootloader.")
        {
            FirmwareOption, ApplicationOption, PortOption, BaudOption, EraseAllOption, NoVerifyOption, NoSkipOption, DryRunOption,
            FlashModeOption, FlashFrequencyOption, FlashSizeOption, NoResetOption,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            bool json = parseResult.GetValue(CommonOptions.Json);
            return Task.FromResult(FlashingCommandSupport.Guard(output, error, json, () => Run(parseResult, output, error, json, cancellationToken)));
        });
        return command;
    }

    private static int Run(ParseResult parseResult, TextWriter output, TextWriter error, bool json, CancellationToken cancellationToken)
    {
        int baud = parseResult.GetValue(BaudOption);
        if (!BaudRateRange.Contains(baud))
        {
            return FlashingCommandSupport.Fail(output, error, json, ExitCode.ValueOutOfRange, $"--baud {baud} is outside {BaudRateRange.Text}.");
        }

        string? firmware = parseResult.GetValue(FirmwareOption);
        FileInfo? application = parseResult.GetValue(ApplicationOption);
        if (firmware is null && application is null)
        {
            return FlashingCommandSupport.Fail(output, error, json, ExitCode.UsageError, "nothing to flash: give --firmware <package>, --app <App.bin>, or both.");
        }

        if (application is not null && !application.Exists)
        {
            return FlashingCommandSupport.Fail(output, error, json, ExitCode.FlashImageInvalid, $"{application.FullName} does not exist.");
        }

        string sizeText = parseResult.GetValue(FlashSizeOption)!;
        bool detect = sizeText.Equals("detect", System.StringComparison.OrdinalIgnoreCase);
        bool keepSize = sizeText.Equals("keep", System.StringComparison.OrdinalIgnoreCase);
        uint? fixedSize = detect || keepSize ? null : FlashSettings.ParseSize(sizeText);
        FlashJobOptions options = new()
        {
            Port = string.Empty,
            BaudRate = baud,
            Package = firmware is null ? null : FirmwarePackage.Load(firmware),
            Application = application is null ? null : InputFile.ReadAllBytes(application.FullName, FirmwarePackage.MaximumFileLength),
            ApplicationName = application?.Name ?? "application",
            EraseAll = parseResult.GetValue(EraseAllOption),
            Verify = !parseResult.GetValue(NoVerifyOption),
            SkipUnchanged = !parseResult.GetValue(NoSkipOption),
            DetectFlashSize = detect,
            Settings = new FlashSettings(
                FlashSettings.ParseMode(parseResult.GetValue(FlashModeOption)!),
                fixedSize is uint size ? FlashSettings.SizeCodeFor(size) : null,
                FlashSettings.ParseFrequency(parseResult.GetValue(FlashFrequencyOption)!)),
            ResetAfter = !parseResult.GetValue(NoResetOption),
        };

        if (parseResult.GetValue(DryRunOption))
        {
            return DryRun(output, json, options, fixedSize ?? (4u << 20));
        }

        string? port = FlashingCommandSupport.ResolvePort(parseResult, PortOption, error);
        if (port is null)
        {
            return (int)ExitCode.FlashPortUnavailable;
        }

        ConsoleFlashProgress progress = new(output, error, quiet: json);
        FlashJobResult result = progress.Run(() => FlashJob.Run(options with { Port = port }, progress, cancellationToken));
        Report(output, json, result);
        return (int)ExitCode.Success;
    }

    private static int DryRun(TextWriter output, bool json, FlashJobOptions options, uint flashSize)
    {
        FlashPlan? plan = FlashJob.Plan(options, flashSize);
        var regions = plan?.Regions.Select(region => new
        {
            name = region.Name,
            address = $"0x{region.Address:X}",
            bytes = region.Data.Length,
            limit = region.Limit,
            compressedBytes = CompressedImage.Create(region.Data).WireLength,
        }).ToList();
        if (json)
        {
            CliJson.Write(output, new JsonObject
            {
                ["ok"] = true,
                ["dryRun"] = true,
                ["flashBytes"] = flashSize,
                ["partitionTable"] = plan?.PartitionTableSource,
                ["deploymentAddress"] = plan?.PartitionTable.Deployment is Partition deploy ? $"0x{deploy.Offset:X}" : null,
                ["regions"] = regions is null ? null : CliJson.Array(regions, region => new JsonObject
                {
                    ["name"] = region.name,
                    ["address"] = region.address,
                    ["bytes"] = region.bytes,
                    ["limit"] = region.limit,
                    ["compressedBytes"] = region.compressedBytes,
                }),
                ["note"] = plan is null ? "application checked; its address is read from the board's partition table when flashing" : null,
            });
            return (int)ExitCode.Success;
        }

        if (plan is null)
        {
            output.WriteLine($"{options.ApplicationName} is a valid nanoFramework deployment image; its address comes from the board's partition table when flashing.");
            return (int)ExitCode.Success;
        }

        output.WriteLine($"Plan for a {flashSize >> 20} MB flash (partition table {plan.PartitionTableSource}); nothing is written:");
        foreach (var region in regions!)
        {
            output.WriteLine($"  {region.name,-16} {region.address,-9} {region.bytes,10:N0} bytes of {region.limit,10:N0}  ({region.compressedBytes:N0} compressed)");
        }

        return (int)ExitCode.Success;
    }

    private static void Report(TextWriter output, bool json, FlashJobResult result)
    {
        if (json)
        {
            CliJson.Write(output, new JsonObject
            {
                ["ok"] = true,
                ["chip"] = FlashingCommandSupport.Describe(result.Chip),
                ["regions"] = CliJson.Array(result.Regions, region => new JsonObject
                {
                    ["name"] = region.Name,
                    ["address"] = $"0x{region.Address:X}",
                    ["bytes"] = region.Length,
                    ["compressedBytes"] = region.WireLength,
                    ["skipped"] = region.Skipped,
                    ["restarts"] = region.Restarts,
                    ["resentBlocks"] = region.ResentBlocks,
                    ["lostAnswers"] = region.LostAnswers,
                    ["seconds"] = System.Math.Round(region.Elapsed.TotalSeconds, 3),
                }),
                ["seconds"] = System.Math.Round(result.Elapsed.TotalSeconds, 3),
                ["bytesSent"] = result.BytesSent,
                ["chipWasReset"] = result.ChipWasReset,
                ["baud"] = result.TransferBaudRate,
            });
            return;
        }

        int written = result.Regions.Count(region => !region.Skipped);
        output.WriteLine($"Flashed {result.Chip.Name} ({result.Chip.MacAddress}): {written} region(s) written, {result.Regions.Count - written} unchanged, in {result.Elapsed.TotalSeconds:0.0} s.");
    }
}
