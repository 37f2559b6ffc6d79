using System;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Host.Serving;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand sim serve</c>: hosts a virtual wand (the real firmware on the virtual board) on loopback TCP or a Unix
/// socket behind the framing, for integrators and end-to-end tests. Prints the bound address first, then one line per
/// client event; runs until Ctrl-C.
/// </summary>
internal static class SimServeCommand
{
    private static readonly Option<int> Port = new("--port") { Description = "TCP port on 127.0.0.1; 0 picks a free one (printed at start).", DefaultValueFactory = _ => 4711 };

    private static readonly Option<string?> Unix = new("--unix") { Description = "Serve on this Unix socket path instead of TCP." };

    private static readonly Option<double> Speed = new("--speed") { Description = "Virtual time per real time, 0.1 to 1000 (1 = real time, what integrators see on a device).", DefaultValueFactory = _ => 1 };

    private static readonly Option<bool> Ble = new("--ble") { Description = "Serve over Bluetooth LE without a radio instead: a private D-Bus with a mocked BlueZ and the wand near its adapter hci0; prints the DBUS_SYSTEM_BUS_ADDRESS to export. Real time unless --world has clock=virtual." };

    private static readonly Option<bool> SystemBlueZ = new("--system-bluez") { Description = "With --ble: register the virtual wand as a peripheral with the machine's BlueZ instead (GATT application, advertisement, Just Works agent inside the pairing window), so a phone can connect through this computer's adapter." };

    private static readonly Option<string?> Bus = new("--bus") { Description = "With --system-bluez: the D-Bus address BlueZ is on (default: the system bus, or DBUS_SYSTEM_BUS_ADDRESS)." };

    private static readonly Option<string> Adapter = new("--adapter") { Description = "With --system-bluez: the adapter to advertise on.", DefaultValueFactory = _ => "hci0" };

    private static readonly Option<string> World = new("--world") { Description = "The world at boot, as sim options: " + SimulatedAddressOptions.Keys, DefaultValueFactory = _ => string.Empty };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("serve", "Serve a virtual wand on 127.0.0.1 (or a Unix socket) for other 'wand' invocations and integrators; one GATT client at a time, world controls at any time.")
        {
            Port,
            Unix,
            Speed,
            World,
            Ble,
            SystemBlueZ,
            Bus,
            Adapter,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(CommonOptions.Json),
            parseResult.GetValue(Port),
            parseResult.GetValue(Unix),
            parseResult.GetValue(Speed),
            parseResult.GetValue(World) ?? string.Empty,
            parseResult.GetValue(Ble),
            new SimServeBle.Peripheral(parseResult.GetValue(SystemBlueZ), parseResult.GetValue(Bus), parseResult.GetValue(Adapter) ?? "hci0"),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, TextWriter error, bool json, int port, string? unixPath, double speed, string world, bool ble, SimServeBle.Peripheral peripheral, CancellationToken cancellationToken)
    {
        if (ble)
        {
            return await RunBleAsync(output, error, json, unixPath, speed, world, peripheral, cancellationToken).ConfigureAwait(false);
        }

        if (peripheral.SystemBlueZ || peripheral.BusAddress is not null)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, "--system-bluez and --bus apply with --ble only.");
        }

        if (port is < 0 or > 65535 || !(speed >= 0.1 && speed <= 1000))
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, port is < 0 or > 65535 ? $"--port {port} is outside 0 to 65535." : $"--speed {speed} is outside 0.1 to 1000.");
        }

        try
        {
            SimulatedWandOptions options = SimulatedAddressOptions.Parse(world);
            using VirtualWandHost host = new(new VirtualWandHostOptions { Speed = speed, World = options });
            WandStreamServer server = unixPath is null ? WandStreamServer.StartTcp(host, port) : WandStreamServer.StartUnix(host, unixPath);
            await using (server.ConfigureAwait(false))
            {
                object sync = new();
                server.Log += (_, message) =>
                {
                    lock (sync)
                    {
                        if (json)
                        {
                            CliJson.Write(output, new JsonObject { ["event"] = message });
                        }
                        else
                        {
                            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {message}");
                        }

                        output.Flush();
                    }
                };
                lock (sync)
                {
                    if (json)
                    {
                        CliJson.Write(output, new JsonObject { ["address"] = server.Address, ["speed"] = speed, ["maximumConnections"] = server.MaximumConnections });
                    }
                    else
                    {
                        output.WriteLine($"Serving a virtual wand on {server.Address} at {speed}x real time. Ctrl-C stops.");
                        output.WriteLine($"  Control it: wand --device {server.Address} start --level 2");
                        output.WriteLine($"  World:      wand --device {server.Address} sim head ridged-wave");
                        output.WriteLine($"  Connections: at most {server.MaximumConnections} at once; more are refused.");
                    }

                    output.Flush();
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return (int)ExitCode.Success;
        }
        catch (InvalidDeviceAddressException exception)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, "--world: " + exception.Message);
        }
#pragma warning disable CA1031 // The CLI's boundary: every failure becomes an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ExitCodeMapping.Report(output, error, json, exception);
        }
    }

    private static async Task<int> RunBleAsync(TextWriter output, TextWriter error, bool json, string? unixPath, double speed, string world, SimServeBle.Peripheral peripheral, CancellationToken cancellationToken)
    {
        if (peripheral.BusAddress is not null && !peripheral.SystemBlueZ)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, "--bus applies with --system-bluez only: --ble alone starts its own private bus.");
        }

        if (unixPath is not null || speed != 1)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, unixPath is not null
                ? "--unix and --ble exclude each other: --ble serves over the mocked BlueZ, not a socket."
                : "--speed applies to socket serving; with --ble the wand runs in real time (or virtual time with --world clock=virtual).");
        }

        SimulatedWandOptions options;
        try
        {
            options = SimulatedAddressOptions.Parse(world);
        }
        catch (InvalidDeviceAddressException exception)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, "--world: " + exception.Message);
        }

        if (!world.Contains("clock=", StringComparison.Ordinal))
        {
            options = options with { ClockMode = SimulatedClockMode.RealTime };
        }

        try
        {
            if (peripheral.SystemBlueZ)
            {
                await SimServeBle.RunPeripheralAsync(output, json, options, peripheral, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SimServeBle.RunAsync(output, json, options, cancellationToken).ConfigureAwait(false);
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
}
