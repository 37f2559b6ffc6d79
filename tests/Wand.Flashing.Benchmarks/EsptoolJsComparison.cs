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
            Console.WriteLine();
            Console.WriteLine("Where the time goes. Sequential floor: request and answer bytes at the line limit plus chip time, what a client that sends each block only after the previous answer cannot beat. Client reaction per block: line idle from the moment the answer left until the next block arrived. Simulator delay: how late the simulator's answers left on this machine; the line clock is held back by it, so it is not charged to the client.");
            Console.WriteLine();
            Console.WriteLine("| Client | Data blocks | Sequential floor | Write time above the floor | Client reaction per block | Simulator delay per block (not charged) | Idle before other requests | Line use ceiling (floor) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            PrintBreakdown("wand flash", wand, limit, writeOnly: true);
            PrintBreakdown("esptool-js 0.7.0", esptoolJs, limit, writeOnly: false);
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
        Snapshot before = Snapshot.Of(simulator.Statistics);
        RegionReport report = flasher.Write(plan, verify: true, skipUnchanged: false)[0];
        if (!simulator.Flash.Read((int)Address, image.Length).AsSpan().SequenceEqual(image))
        {
            throw new InvalidOperationException("wand flash reported success but the flash differs");
        }

        return Snapshot.Of(simulator.Statistics).Since(before, report.Elapsed.TotalSeconds);
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

        // Connecting, the baud change and the attach cost no chip time and send no data blocks, so the simulator's
        // totals are writeFlash's (answer bytes include the few hundred of the connection).
        JsonElement file = report.GetProperty("files")[0];
        return Snapshot.Of(simulator.Statistics).Since(default, file.GetProperty("writeSeconds").GetDouble()) with { WireBytes = file.GetProperty("wireBytes").GetInt64() };
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

    private static void PrintBreakdown(string client, List<Measurement> runs, double limit, bool writeOnly)
    {
        // esptool-js runs in its own process, so its counters include connecting; only wand's are the write's alone.
        string other = writeOnly ? string.Create(CultureInfo.InvariantCulture, $"{Median(runs.Select(item => item.OtherWaitSeconds)):0.00} s") : "n/a";
        double seconds = Median(runs.Select(item => item.Seconds));
        double blocks = Median(runs.Select(item => (double)item.DataBlocks));
        double floor = Median(runs.Select(item => ((item.WireBytes + item.AnswerBytes) / limit) + item.ChipBusySeconds));
        double wait = Median(runs.Select(item => item.WaitSeconds));
        double late = Median(runs.Select(item => item.LateSeconds));
        double ceiling = Median(runs.Select(item => item.WireBytes / limit / (((item.WireBytes + item.AnswerBytes) / limit) + item.ChipBusySeconds)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {client} | {blocks:N0} | {floor:0.00} s | {seconds - floor:0.00} s | {wait / blocks * 1000:0.00} ms | {late / blocks * 1000:0.00} ms | {other} | {ceiling:P1} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private sealed record Measurement(double Seconds, long WireBytes, double ChipBusySeconds, long AnswerBytes, long DataBlocks, double WaitSeconds, double LateSeconds, double OtherWaitSeconds);

    private readonly record struct Snapshot(long Received, long Sent, TimeSpan Busy, long Blocks, TimeSpan Wait, TimeSpan Late, TimeSpan OtherWait)
    {
        public static Snapshot Of(SimulatorStatistics statistics) => new(statistics.BytesReceived, statistics.BytesSent, statistics.ChipBusyTime, statistics.DataBlocks, statistics.DataBlockWait, statistics.DataBlockAnswerLateness, statistics.OtherRequestWait);

        public Measurement Since(Snapshot before, double seconds) => new(
            seconds,
            Received - before.Received,
            (Busy - before.Busy).TotalSeconds,
            Sent - before.Sent,
            Blocks - before.Blocks,
            (Wait - before.Wait).TotalSeconds,
            (Late - before.Late).TotalSeconds,
            (OtherWait - before.OtherWait).TotalSeconds);
    }
}
