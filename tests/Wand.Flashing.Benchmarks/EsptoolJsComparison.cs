using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Wand.Flashing.Tests;
using Wand.Host.Flashing;
using Wand.RomSimulator;

namespace Wand.Flashing.Benchmarks;

/// <summary>
/// <c>wand flash</c> against Espressif's esptool-js 0.7.0 (tests/esptool-js-harness, its own writeFlash with zlib level 9
/// and MD5 check) on the same simulated line: a TCP-served simulated ESP32 with the line model (10 bit times per byte at
/// the ROM's rate) and the chip timing model (erase, program, MD5, inflate) on. One nanoCLR-sized image at 0x10000, a
/// fresh chip per run, medians of <see cref="Runs"/>.
/// </summary>
internal static class EsptoolJsComparison
{
    private const int Runs = 3;
    private const uint Address = 0x10000;

    /// <summary>Runs the comparison and prints a Markdown table.</summary>
    /// <param name="baudRate">The transfer rate.</param>
    /// <param name="imageLength">The image length in bytes.</param>
    public static void Run(int baudRate, int imageLength)
    {
        byte[] image = TestImages.EspImage(imageLength, seed: 5);
        string folder = Directory.CreateTempSubdirectory("wand-bench-").FullName;
        string imagePath = Path.Combine(folder, "nanoCLR.bin");
        File.WriteAllBytes(imagePath, image);
        try
        {
            List<Measurement> wand = [];
            List<Measurement> esptoolJs = [];
            for (int run = 0; run < Runs; run++)
            {
                wand.Add(MeasureWand(image, baudRate));
                esptoolJs.Add(MeasureEsptoolJs(imagePath, image.Length, baudRate));
            }

            double limit = baudRate / 10.0;
            Console.WriteLine($"Image: {image.Length:N0} bytes at 0x{Address:X}, {baudRate} baud (line limit {limit / 1000:0.00} kB/s), chip timing on, medians of {Runs} runs (one run: wand then esptool-js on a fresh simulated chip each).");
            Console.WriteLine();
            Console.WriteLine("| Client | Write time | Effective image rate | Effective / line limit | Wire bytes | Line use while writing | Chip busy | Line use while the chip is idle |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            Print("wand flash", wand, image.Length, limit);
            Print("esptool-js 0.7.0", esptoolJs, image.Length, limit);
            double ratio = Median(wand.Select(item => image.Length / item.Seconds)) / Median(esptoolJs.Select(item => image.Length / item.Seconds));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wand flash / esptool-js effective image rate: {ratio:0.00} x"));
            Console.WriteLine("All runs: " + string.Join("; ", wand.Select((item, index) => string.Create(CultureInfo.InvariantCulture, $"run {index + 1}: wand {item.Seconds:0.00} s, esptool-js {esptoolJs[index].Seconds:0.00} s"))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Measurement MeasureWand(byte[] image, int baudRate)
    {
        using RomSimulator.RomSimulator simulator = new(TimedChip());
        int port = simulator.ServeTcp();
        FlashRegion region = new("nanoCLR", Address, image, (uint)image.Length);
        FlashPlan plan = new([region], 4u << 20, PartitionTable.Parse("benchmark", PartitionTable.Build(TestImages.FourMegabyteLayout)), "benchmark");
        using Wand.Host.Serial.ISerialPort serial = Wand.Host.Serial.SerialPortOpener.Open($"tcp://127.0.0.1:{port}", RomConnector.RomBaudRate);
        RomConnection connection = RomConnector.Connect(serial, SilentFlashProgress.Instance);
        RomFlasher flasher = new(connection, SilentFlashProgress.Instance);
        _ = flasher.Prepare(baudRate);
        long bytesBefore = simulator.Statistics.BytesReceived;
        TimeSpan busyBefore = simulator.Statistics.ChipBusyTime;
        RegionReport report = flasher.Write(plan, verify: true, skipUnchanged: false)[0];
        if (!simulator.Flash.Read((int)Address, image.Length).AsSpan().SequenceEqual(image))
        {
            throw new InvalidOperationException("wand flash reported success but the flash differs");
        }

        return new Measurement(report.Elapsed.TotalSeconds, simulator.Statistics.BytesReceived - bytesBefore, (simulator.Statistics.ChipBusyTime - busyBefore).TotalSeconds);
    }

    private static Measurement MeasureEsptoolJs(string imagePath, int length, int baudRate)
    {
        using RomSimulator.RomSimulator simulator = new(TimedChip());
        int port = simulator.ServeTcp();
        (int exitCode, JsonElement report, string log) = EsptoolJsHarness.Run("bench", port, baudRate, [(Address, imagePath)]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"esptool-js failed: {log}");
        }

        byte[] written = simulator.Flash.Read((int)Address, length);
        if (!written.AsSpan().SequenceEqual(File.ReadAllBytes(imagePath)))
        {
            throw new InvalidOperationException("esptool-js reported success but the flash differs");
        }

        // Connecting, the baud change and the attach cost no chip time, so the simulator's total is writeFlash's.
        JsonElement file = report.GetProperty("files")[0];
        return new Measurement(file.GetProperty("writeSeconds").GetDouble(), file.GetProperty("wireBytes").GetInt64(), simulator.Statistics.ChipBusyTime.TotalSeconds);
    }

    private static RomSimulatorOptions TimedChip() => new() { LineTiming = new LineTiming(), ChipTiming = new ChipTiming() };

    private static void Print(string client, List<Measurement> runs, int imageLength, double limit)
    {
        double seconds = Median(runs.Select(item => item.Seconds));
        double wire = Median(runs.Select(item => (double)item.WireBytes));
        double busy = Median(runs.Select(item => item.ChipBusySeconds));
        double effective = imageLength / seconds;
        double lineUse = wire / limit / seconds;
        double idleUse = wire / limit / Math.Max(1e-9, seconds - busy);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {client} | {seconds:0.00} s | {effective / 1000:0.0} kB/s | {effective / limit:P0} | {wire:N0} | {lineUse:P1} | {busy:0.00} s | {idleUse:P1} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private sealed record Measurement(double Seconds, long WireBytes, double ChipBusySeconds);
}
