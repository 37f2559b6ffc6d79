using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using Wand.Cli.Output;
using Wand.Host.Flashing;
using Wand.Host.Serial;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand erase</c>: erases the whole flash, one partition, or an address range through the ROM loader's up-front
/// erase (FLASH_BEGIN without data; the ROM has no ERASE_FLASH command).
/// </summary>
internal static class EraseCommand
{
    private static readonly Option<string?> PortOption = FlashingCommandSupport.CreatePortOption();

    private static readonly Option<string?> RegionOption = new("--region")
    {
        Description = "Erase only ADDRESS:SIZE, both 4 KB multiples, hex or decimal (for example 0x1E0000:0x1C0000).",
    };

    private static readonly Option<string?> PartitionOption = new("--partition")
    {
        Description = "Erase only the partition with this label in the board's partition table (for example deploy or config).",
    };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("erase", "Erase the ESP32's flash: all of it (default), one partition, or an address range.") { PortOption, RegionOption, PartitionOption };
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            bool json = parseResult.GetValue(CommonOptions.Json);
            return FlashingCommandSupport.Guard(output, error, json, () => Run(parseResult, output, error, json));
        });
        return command;
    }

    private static int Run(ParseResult parseResult, TextWriter output, TextWriter error, bool json)
    {
        string? region = parseResult.GetValue(RegionOption);
        string? partition = parseResult.GetValue(PartitionOption);
        if (region is not null && partition is not null)
        {
            return FlashingCommandSupport.Fail(output, error, json, ExitCode.UsageError, "give either --region or --partition, not both.");
        }

        (uint Address, uint Size)? range = region is null ? null : ParseRange(region);
        string? port = FlashingCommandSupport.ResolvePort(parseResult, PortOption, error);
        if (port is null)
        {
            return (int)ExitCode.FlashPortUnavailable;
        }

        ConsoleFlashProgress progress = new(output, error, quiet: json);
        using ISerialPort serial = SerialPortOpener.Open(port, RomConnector.RomBaudRate);
        RomConnection connection = RomConnector.Connect(serial, progress);
        RomFlasher flasher = new(connection, progress);
        ChipInfo chip = flasher.Prepare(RomConnector.RomBaudRate);
        if (partition is not null)
        {
            PartitionTable table = flasher.ReadPartitionTable();
            Partition found = FindPartition(table, partition);
            range = (found.Offset, found.Size);
        }

        (uint address, uint size) = range ?? (0u, chip.FlashSize);
        if (address + (ulong)size > chip.FlashSize)
        {
            return FlashingCommandSupport.Fail(output, error, json, ExitCode.ValueOutOfRange, $"0x{address:X}+0x{size:X} lies past the end of the {chip.FlashSize >> 20} MB flash.");
        }

        flasher.Erase(address, size);
        if (json)
        {
            CliJson.Write(output, new JsonObject { ["ok"] = true, ["address"] = $"0x{address:X}", ["bytes"] = size });
        }
        else
        {
            output.WriteLine($"Erased 0x{address:X}–0x{address + size:X} ({size >> 10} KB) on {chip.Name} {chip.MacAddress}.");
        }

        return (int)ExitCode.Success;
    }

    private static Partition FindPartition(PartitionTable table, string label)
    {
        foreach (Partition partition in table.Partitions)
        {
            if (string.Equals(partition.Label, label, StringComparison.Ordinal))
            {
                return partition;
            }
        }

        throw new PartitionTableException($"The board's partition table has no partition '{label}'. It has: {string.Join(", ", System.Linq.Enumerable.Select(table.Partitions, partition => partition.Label))}.");
    }

    private static (uint Address, uint Size) ParseRange(string text)
    {
        string[] parts = text.Split(':');
        if (parts.Length != 2 || !TryParseNumber(parts[0], out uint address) || !TryParseNumber(parts[1], out uint size))
        {
            throw new ArgumentException($"--region '{text}' is not ADDRESS:SIZE, for example 0x1E0000:0x1C0000.");
        }

        if (address % 0x1000 != 0 || size % 0x1000 != 0 || size == 0)
        {
            throw new ArgumentException($"--region '{text}': address and size must be multiples of 4 KB (0x1000), size above 0.");
        }

        return (address, size);
    }

    private static bool TryParseNumber(string text, out uint value) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
