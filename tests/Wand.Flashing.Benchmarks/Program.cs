using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Wand.Flashing.Tests;
using Wand.Host.Flashing;
using Wand.RomSimulator;

namespace Wand.Flashing.Benchmarks;

/// <summary>
/// Flashes a realistic-size nanoCLR-like package plus an application through a pseudo-terminal into the simulated ROM
/// loader with its line model on (10 bit times per byte at the ROM's rate), and reports the effective throughput
/// against the line limit, and the compression ratio of the image.
/// Usage: dotnet run -c Release --project tests/Wand.Flashing.Benchmarks [-- --quick] [-- --flash-timing]
/// [-- --esptool-js] (the comparison with esptool-js on the same simulated line, chip timing on; needs node and
/// 'npm ci --prefix tests/esptool-js-harness').
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="args"><c>--quick</c>: 400 KB image at 115200; <c>--flash-timing</c>: also model flash erase/program time.</param>
    /// <returns>0.</returns>
    public static int Main(string[] args)
    {
        if (args.Contains("--esptool-js"))
        {
            EsptoolJsComparison.Run(921_600, 1_900_000);
            return 0;
        }

        bool quick = args.Contains("--quick");
        bool flashTiming = args.Contains("--flash-timing");
        FirmwarePackage package = TestImages.Package(runtimeLength: 1_800_000);
        byte[] application = TestImages.Application(180_000);

        ReportCompression(package, application);
        Console.WriteLine();
        Console.WriteLine("| Baud | Image bytes | Wire payload (zlib) | Data phase | Line limit | Payload rate | Line use | Effective (image) rate | Effective / limit | Whole job |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int baud in new[] { 115_200, 921_600 })
        {
            FirmwarePackage subject = quick && baud == 115_200 ? TestImages.Package(runtimeLength: 400_000) : package;
            Run(baud, subject, quick && baud == 115_200 ? TestImages.Application(40_000) : application, flashTiming: false);
        }

        if (flashTiming)
        {
            Console.WriteLine();
            Console.WriteLine("With the flash timing model (45 ms per 4 KB sector erase, 0.7 ms per 256-byte page):");
            Run(921_600, package, application, flashTiming: true);
        }

        return 0;
    }

    private static void ReportCompression(FirmwarePackage package, byte[] application)
    {
        int whole = CompressedImage.Create(package.Runtime).WireLength;
        int chunked = 0;
        for (int offset = 0; offset < package.Runtime.Length; offset += RomFlasher.DefaultSegmentSize)
        {
            chunked += CompressedImage.Create(package.Runtime.AsSpan(offset, Math.Min(RomFlasher.DefaultSegmentSize, package.Runtime.Length - offset)).ToArray()).WireLength;
        }

        int app = CompressedImage.Create(application).WireLength;
        Console.WriteLine($"nanoCLR-like image: {package.Runtime.Length:N0} bytes → zlib {whole:N0} bytes in one stream ({Ratio(whole, package.Runtime.Length)}), {chunked:N0} bytes in 256 KB segments ({Ratio(chunked, package.Runtime.Length)}).");
        Console.WriteLine($"Application: {application.Length:N0} bytes → {app:N0} bytes ({Ratio(app, application.Length)}).");
    }

    private static void Run(int baud, FirmwarePackage package, byte[] application, bool flashTiming)
    {
        using RomSimulator.RomSimulator simulator = new(new RomSimulatorOptions
        {
            LineTiming = new LineTiming(),
            ChipTiming = flashTiming ? new ChipTiming() : null,
        });
        string port = simulator.ServePseudoTerminal();
        FlashJobOptions options = new() { Port = port, BaudRate = baud, Package = package, Application = application, SkipUnchanged = false };

        Stopwatch job = Stopwatch.StartNew();
        FlashJobResult result = FlashJob.Run(options, SilentFlashProgress.Instance);
        job.Stop();

        long image = result.Regions.Sum(region => (long)region.Length);
        long payload = result.Regions.Sum(region => region.WireLength);
        double dataSeconds = result.Regions.Sum(region => region.Elapsed.TotalSeconds);
        double limit = baud / 10.0;
        double payloadRate = payload / dataSeconds;
        double effectiveRate = image / dataSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {baud} | {image:N0} | {payload:N0} | {dataSeconds:0.00} s | {limit / 1000:0.00} kB/s | {payloadRate / 1000:0.00} kB/s | {payloadRate / limit:P1} | {effectiveRate / 1000:0.00} kB/s | {effectiveRate / limit:P1} | {job.Elapsed.TotalSeconds:0.00} s |"));
    }

    private static string Ratio(long part, long whole) => string.Create(CultureInfo.InvariantCulture, $"{(double)part / whole:P1}");
}
