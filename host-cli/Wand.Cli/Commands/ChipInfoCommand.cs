using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using Wand.Cli.Output;
using Wand.Host.Flashing;
using Wand.Host.Serial;

namespace Wand.Cli.Commands;

/// <summary><c>wand chip-info</c>: identifies the ESP32 behind a port through its ROM loader (chip, revision, MAC, flash).</summary>
internal static class ChipInfoCommand
{
    private static readonly Option<string?> PortOption = FlashingCommandSupport.CreatePortOption();

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("chip-info", "Identify the ESP32 on a serial port: chip, revision, MAC address, crystal, flash id and size.") { PortOption };
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
        string? port = FlashingCommandSupport.ResolvePort(parseResult, PortOption, error);
        if (port is null)
        {
            return (int)ExitCode.FlashPortUnavailable;
        }

        ConsoleFlashProgress progress = new(output, error, quiet: true);
        using ISerialPort serial = SerialPortOpener.Open(port, RomConnector.RomBaudRate);
        RomConnection connection = RomConnector.Connect(serial, progress);
        ChipInfo chip = ChipDetector.Describe(connection);
        if (serial.SupportsControlLines)
        {
            new HardReset().Run(serial);
        }

        if (json)
        {
            CliJson.Write(output, new JsonObject { ["ok"] = true, ["port"] = port, ["info"] = FlashingCommandSupport.Describe(chip) });
            return (int)ExitCode.Success;
        }

        output.WriteLine($"Port          {port}");
        output.WriteLine($"Chip          {chip.Name}{(chip.MajorRevision >= 0 ? $" (revision v{chip.MajorRevision})" : string.Empty)}");
        output.WriteLine($"Features      {string.Join(", ", chip.Features)}");
        output.WriteLine($"Crystal       {chip.CrystalMegahertz} MHz");
        output.WriteLine($"MAC           {chip.MacAddress}");
        output.WriteLine($"Flash id      0x{chip.FlashJedecId:X6} (manufacturer 0x{chip.FlashJedecId & 0xFF:X2})");
        output.WriteLine($"Flash size    {chip.FlashSize >> 20} MB");
        return (int)ExitCode.Success;
    }
}
