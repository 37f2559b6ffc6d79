using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Instruments.Simulated;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Host.Serving;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand sim station</c>: serves a virtual wand on loopback TCP together with the simulated instruments of an
/// end-of-line station wired to its physics (DC supply, DMM, switch unit, jig accelerometer), and prints the device
/// address and the station configuration to run plans with. The wand's time passes only when the station lets it, so
/// timing measurements over the link are exact. Runs until Ctrl-C or SIGTERM.
/// </summary>
internal static class SimStationCommand
{
    private static readonly Option<int> Port = new("--port") { Description = "TCP port of the served wand on 127.0.0.1; 0 picks a free one (printed at start). The instruments always take free ports.", DefaultValueFactory = _ => 0 };

    private static readonly Option<string> World = new("--world") { Description = "The unit at boot, as sim options (seed a defect with motor-gain=0.75, sensor-calibrated=off, …): " + SimulatedAddressOptions.Keys, DefaultValueFactory = _ => string.Empty };

    private static readonly Option<string> StationId = new("--station") { Description = "Station ID written into the configuration.", DefaultValueFactory = _ => "eol-sim" };

    private static readonly Option<FileInfo?> ConfigOut = new("--config-out") { Description = "Also write the station configuration to this file (for 'wand test run --station-config')." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("station", "Serve a virtual wand with the simulated instruments of an end-of-line station (supply, DMM, switch unit, jig accelerometer) on loopback TCP; prints the --device address and the station configuration.")
        {
            Port,
            World,
            StationId,
            ConfigOut,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(CommonOptions.Json),
            parseResult.GetValue(Port),
            parseResult.GetValue(World) ?? string.Empty,
            parseResult.GetValue(StationId) ?? "eol-sim",
            parseResult.GetValue(ConfigOut),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, TextWriter error, bool json, int port, string world, string stationId, FileInfo? configOut, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, $"--port {port} is outside 0 to 65535.");
        }

        if (Wand.Host.Results.ResultsStores.CheckStationId(stationId) is { } badStation)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, "--station: " + badStation);
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

        try
        {
            using VirtualWandHost host = new(new VirtualWandHostOptions { Stepped = true, World = options });
            WandStreamServer server = WandStreamServer.StartTcp(host, port);
            await using (server.ConfigureAwait(false))
            {
                SimulatedInstrumentBench bench = SimulatedInstrumentBench.Start(host);
                await using (bench.ConfigureAwait(false))
                {
                    string configuration = bench.ConfigurationYaml(stationId);
                    if (configOut is not null)
                    {
                        try
                        {
                            await File.WriteAllTextAsync(configOut.FullName, configuration, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                        {
                            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, $"--config-out: cannot write {configOut.FullName}: {exception.Message}");
                        }
                    }

                    WriteBanner(output, json, server.Address, bench, configuration, configOut);
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
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

    private static void WriteBanner(TextWriter output, bool json, string device, SimulatedInstrumentBench bench, string configuration, FileInfo? configOut)
    {
        if (json)
        {
            CliJson.Write(output, new System.Text.Json.Nodes.JsonObject
            {
                ["device"] = device,
                ["instruments"] = new System.Text.Json.Nodes.JsonObject { ["supply"] = bench.Supply.Address, ["dmm"] = bench.Meter.Address, ["relays"] = bench.Switch.Address, ["jig"] = bench.Jig.Address },
                ["stationConfig"] = configOut?.FullName,
                ["configuration"] = configuration,
            });
        }
        else
        {
            output.WriteLine($"Serving a virtual wand on {device} with simulated station instruments; its time passes only when the station lets it. Ctrl-C stops.");
            output.WriteLine($"  DC supply {bench.Supply.Address}, DMM {bench.Meter.Address}, switch unit {bench.Switch.Address}, jig accelerometer {bench.Jig.Address}");
            string configPath = configOut?.FullName ?? "station.yaml";
            output.WriteLine($"  Run:       wand --device {device} test run hardware/test-plans/end-of-line.yaml --station-config {configPath}");
            output.WriteLine(configOut is null ? "Station configuration (save as station.yaml):" : $"Station configuration (written to {configOut.FullName}):");
            output.Write(configuration);
        }

        output.Flush();
    }
}
