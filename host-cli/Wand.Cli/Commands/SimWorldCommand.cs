using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Links;
using Wand.Host.Serving;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand sim head|temperature|battery|usb|button|fault|advance …</c>: changes the world of a served virtual wand
/// (--device tcp://… or unix:…) through its world-control side channel, without taking the GATT link.
/// </summary>
internal static class SimWorldCommand
{
    /// <summary>Creates every world-control command.</summary>
    /// <returns>The commands.</returns>
    public static IEnumerable<Command> CreateAll()
    {
        yield return Create("head", "Attach a head (soft-dome, ridged-wave, bristle-brush, or a resistance in ohms), 'none' to detach, 'short' to short the ID line.", "head", (world, value, token) =>
        {
            if (!WorldCommandInterpreter.TryResolveHead(value, Wand.Core.Board.BoardProfile.CreateDefault().Heads, out double? ohms))
            {
                throw new WorldControlRefusedException($"head '{value}' is not none, short, soft-dome, ridged-wave, bristle-brush or a resistance in ohms.");
            }

            return world.SetHeadResistorAsync(ohms, token);
        });
        yield return Create("temperature", "Force the head temperature in °C (-20 to 90), or 'model' to return to the thermal model.", "celsius", (world, value, token) =>
            world.SetTemperatureAsync(value.Equals("model", StringComparison.OrdinalIgnoreCase) ? null : Number(value, "temperature"), token));
        yield return Create("battery", "Set the cell's open-circuit voltage (3.0 to 4.2 V).", "volts", (world, value, token) =>
            world.SetBatteryAsync(Number(value, "battery"), token));
        yield return Create("usb", "Plug (on) or unplug (off) USB power.", "on|off", (world, value, token) => value.ToLowerInvariant() switch
        {
            "on" => world.SetUsbPowerAsync(true, token),
            "off" => world.SetUsbPowerAsync(false, token),
            _ => throw new WorldControlRefusedException($"usb '{value}' must be on or off."),
        });
        yield return Create("button", "Press the button for MILLISECONDS (20 to 10000); a short press starts a session, 1 s stops it, 3 s opens pairing (a double press, pause or resume, needs two presses within 500 ms).", "milliseconds", (world, value, token) =>
            world.PressButtonAsync((int)Number(value, "button"), token));
        yield return Create("fault", "Inject a fault: " + Wand.Simulation.SimulatedFaults.Catalogue + ".", "name", (world, value, token) =>
            world.InjectFaultAsync(value, token));
        yield return Create("advance", "Let virtual time jump ahead by MILLISECONDS (0 to 3600000) at once.", "milliseconds", (world, value, token) =>
            world.AdvanceAsync((long)Number(value, "advance"), token));
    }

    private static Command Create(string name, string description, string argumentName, Func<IWorldControl, string, CancellationToken, Task> apply)
    {
        Argument<string> value = new(argumentName) { Description = description };
        Command command = new(name, description + " Needs --device tcp://… or unix:… of a 'wand sim serve'.") { value };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, name, parseResult.GetValue(value) ?? string.Empty, apply, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, string name, string value, Func<IWorldControl, string, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        System.IO.TextWriter output = parseResult.InvocationConfiguration.Output;
        System.IO.TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        try
        {
            DeviceAddress address = DeviceAddress.Parse(parseResult.GetValue(CommonOptions.Device));
            IWorldControl world = DeviceSession.CreateFactory().CreateWorldControl(address);
            await apply(world, value, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                CliJson.Write(output, new JsonObject { ["device"] = address.Text, ["world"] = name, ["value"] = value, ["applied"] = true });
            }
            else
            {
                output.WriteLine($"{name} {value}: applied to {address.Text}.");
            }

            return (int)ExitCode.Success;
        }
#pragma warning disable CA1031 // The CLI's boundary: every failure becomes an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ExitCodeMapping.Report(output, error, json, exception);
        }
    }

    private static double Number(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new WorldControlRefusedException($"{what} '{text}' is not a number.");
}
