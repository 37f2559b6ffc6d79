using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host;
using Wand.Host.Links.Ble;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand scan</c>: lists nearby wands over BLE (Linux, BlueZ) with name, address, RSSI, head and battery.
/// </summary>
internal static class ScanCommand
{
    private static readonly Option<int> Seconds = new("--seconds", "-s")
    {
        Description = "How long to scan, 1 to 120 s.",
        DefaultValueFactory = _ => 5,
    };

    private static readonly Option<string?> Adapter = new("--adapter")
    {
        Description = "The Bluetooth adapter to scan with, for example hci1 (default: the first powered one).",
    };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("scan", "List nearby wands over Bluetooth LE (Linux, BlueZ): name, address, signal, head and battery.")
        {
            Seconds,
            Adapter,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(Seconds),
            parseResult.GetValue(Adapter),
            parseResult.GetValue(CommonOptions.Json),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, TextWriter error, int seconds, string? adapter, bool json, CancellationToken cancellationToken)
    {
        if (seconds is < 1 or > 120)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, $"--seconds {seconds} is out of range: a scan lasts 1 to 120 s.");
        }

        IProgress<ScanProgress>? progress = json ? null : new SynchronousProgress(report =>
            error.Write($"\rScanning on {report.Adapter}: {report.Elapsed.TotalSeconds,3:0} s of {seconds} s, {report.WandsFound} wand(s) found "));
        IReadOnlyList<ScannedWand> wands;
        try
        {
            wands = await BleScanner.ScanAsync(TimeSpan.FromSeconds(seconds), new BleLinkOptions { Adapter = adapter }, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.Cancelled, "Scan cancelled.");
        }
        catch (WandHostException exception)
        {
            if (progress is not null)
            {
                error.WriteLine();
            }

            return ExitCodeMapping.Report(output, error, json, BluetoothExitCodes.TryMap(exception, out ExitCode code) ? code : ExitCode.InternalError, exception.Message);
        }

        if (json)
        {
            CliJson.Write(output, CliJson.Array(wands, wand => new JsonObject
            {
                ["name"] = wand.Name,
                ["address"] = wand.Address,
                ["rssi"] = wand.Rssi,
                ["head"] = wand.Head?.ToString(),
                ["batteryPercent"] = wand.BatteryPercent,
            }));
        }
        else
        {
            error.WriteLine();
            if (wands.Count > 0)
            {
                output.WriteLine($"{"NAME",-20} {"ADDRESS",-22} {"RSSI",5}  {"HEAD",-13} BATTERY");
                foreach (ScannedWand wand in wands)
                {
                    string battery = wand.BatteryPercent is int percent ? $"{percent} %" : "-";
                    output.WriteLine($"{(wand.Name.Length == 0 ? "(no name)" : wand.Name),-20} {wand.Address,-22} {wand.Rssi,5}  {wand.Head?.ToString() ?? "-",-13} {battery}");
                }
            }
        }

        return wands.Count > 0 ? (int)ExitCode.Success : ExitCodeMapping.Report(output, error, json, ExitCode.WandNotFound, $"No wand was seen within {seconds} s.");
    }

    private sealed class SynchronousProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
