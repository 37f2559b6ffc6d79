using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Wand.Host.Flashing;
using Wand.RomSimulator;
using Xunit;

namespace Wand.Flashing.Tests;

/// <summary>
/// An independent client checks the simulator and <c>wand flash</c>: Espressif's esptool-js 0.7.0 (npm) with esptool's
/// --no-stub command sequence, over a TCP stand-in for Web Serial. The simulator runs strict: crystal drift, in-package
/// flash on eFuse SPI pads.
/// </summary>
public sealed class EsptoolJsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-esptool-js-").FullName;
    private readonly ConcurrentQueue<string> simulatorLog = new();

    [Fact]
    public void EsptoolJs_FlashesTheStrictSimulatorWithoutStub_AndReadsEveryFileBack()
    {
        using RomSimulator.RomSimulator simulator = new(StrictChip());
        int port = simulator.ServeTcp();
        byte[] bootloader = TestImages.EspImage(24_000, seed: 3);
        byte[] table = TestImages.Application(3_072, seed: 4);
        byte[] runtime = TestImages.Package(runtimeLength: 150_000).Runtime;
        List<(uint Address, string Path)> files = [(0x1000, Save("bootloader.bin", bootloader)), (0x8000, Save("partitions.bin", table)), (0x10000, Save("nanoCLR.bin", runtime))];

        (int exitCode, JsonElement report, string log) = EsptoolJsHarness.Run("write", port, 921_600, files);

        Assert.True(exitCode == 0, log);
        Assert.Equal(921_600, report.GetProperty("baud").GetInt32());
        Assert.All(report.GetProperty("files").EnumerateArray(), file =>
        {
            Assert.True(file.GetProperty("md5Matches").GetBoolean(), file.ToString());
            Assert.True(file.GetProperty("readBackMatches").GetBoolean(), file.ToString());
        });
        Assert.Equal(3, report.GetProperty("files").GetArrayLength());
        Assert.Equal(bootloader, simulator.Flash.Read(0x1000, bootloader.Length));
        Assert.Equal(table, simulator.Flash.Read(0x8000, table.Length));
        Assert.Equal(runtime, simulator.Flash.Read(0x10000, runtime.Length));
        Assert.Equal(0, simulator.Statistics.BytesGarbled);
    }

    [Fact]
    public void EsptoolJs_VerifiesWhatWandFlashWrote_ByMd5AndReadBack()
    {
        using RomSimulator.RomSimulator simulator = new(StrictChip());
        int port = simulator.ServeTcp();
        FirmwarePackage package = TestImages.Package(runtimeLength: 150_000);
        FlashJobOptions options = new()
        {
            Port = $"tcp://127.0.0.1:{port}",
            BaudRate = 921_600,
            Package = package,
            Application = TestImages.Application(20_000),
            Timeouts = SimulatedBoard.FastTimeouts,
        };

        FlashJobResult result = FlashJob.Run(options, new RecordingProgress());
        List<(uint Address, string Path)> files = result.Plan.Regions.Select(region => (region.Address, Save($"{region.Name}.bin", region.Data))).ToList();
        (int exitCode, JsonElement report, string log) = EsptoolJsHarness.Run("verify", port, 921_600, files);

        Assert.True(exitCode == 0, log);
        Assert.Equal(result.Plan.Regions.Count, report.GetProperty("files").GetArrayLength());
        Assert.All(report.GetProperty("files").EnumerateArray(), file =>
        {
            Assert.True(file.GetProperty("md5Matches").GetBoolean(), file.ToString());
            Assert.True(file.GetProperty("readBackMatches").GetBoolean(), file.ToString());
        });
    }

    [Fact]
    public void EsptoolJsStubUpload_IsAnsweredAndLoggedByTheRom_AndTheClientGetsNoStubGreeting()
    {
        using RomSimulator.RomSimulator simulator = new(StrictChip());
        int port = simulator.ServeTcp();

        (int exitCode, JsonElement report, string log) = EsptoolJsHarness.Run("stub", port, 115_200, []);

        Assert.NotEqual(0, exitCode);
        Assert.True(report.TryGetProperty("error", out JsonElement error), log);
        Assert.False(string.IsNullOrEmpty(error.GetString()));
        Assert.Equal(1, simulator.Model.StubUploadsRefused);
        Assert.Contains(simulatorLog, line => line.Contains("cannot execute", StringComparison.Ordinal) && line.Contains("0x400A902C", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private RomSimulatorOptions StrictChip() => new()
    {
        RomCrystalEstimate = RomSimulatorOptions.DriftingCrystalEstimate,
        PackageVersion = 5,
        SpiPads = SpiPads.InPackage,
        Log = simulatorLog.Enqueue,
    };

    private string Save(string name, byte[] data)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, data);
        return path;
    }
}
