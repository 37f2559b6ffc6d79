using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Wand.Cli.Output;
using Wand.Host.Serial;

namespace Wand.Cli.Commands;

/// <summary><c>wand ports</c>: lists serial ports with their USB ids, marking the bridges used on ESP32 boards.</summary>
internal static class PortsCommand
{
    private static readonly Option<bool> AllOption = new("--all") { Description = "Also list legacy on-board UARTs (ttyS*), which are rarely connected." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("ports", "List serial ports; ESP32 USB bridges (CP210x, CH340, CH9102, FTDI, Espressif USB) are marked.") { AllOption };
        command.SetAction(parseResult => Run(
            parseResult.InvocationConfiguration.Output,
            parseResult.GetValue(CommonOptions.Json),
            parseResult.GetValue(AllOption)));
        return command;
    }

    private static int Run(TextWriter output, bool json, bool all)
    {
        var ports = SerialPortLister.List(includeLegacy: all);
        if (json)
        {
            CliJson.Write(output, CliJson.Array(ports, port => new JsonObject
            {
                ["path"] = port.Path,
                ["driver"] = port.Driver,
                ["vendorId"] = port.VendorId is ushort vendor ? $"{vendor:X4}" : null,
                ["productId"] = port.ProductId is ushort product ? $"{product:X4}" : null,
                ["manufacturer"] = port.Manufacturer,
                ["product"] = port.Product,
                ["serialNumber"] = port.SerialNumber,
                ["esp32Bridge"] = port.KnownBridge,
            }));
            return (int)ExitCode.Success;
        }

        if (ports.Count == 0)
        {
            output.WriteLine("No serial ports found. Plug the board in (use a data cable), then run 'wand ports' again.");
            return (int)ExitCode.Success;
        }

        foreach (SerialPortInfo port in ports)
        {
            string ids = port.VendorId is ushort vendor && port.ProductId is ushort product ? $"{vendor:X4}:{product:X4}" : "-        ";
            string mark = port.KnownBridge is null ? "  " : "* ";
            output.WriteLine($"{mark}{port.Path,-16} {ids}  {port.KnownBridge ?? port.Driver}  {port.Manufacturer} {port.Product} {port.SerialNumber}".TrimEnd());
        }

        output.WriteLine("* = USB bridge found on ESP32 boards");
        return (int)ExitCode.Success;
    }
}
