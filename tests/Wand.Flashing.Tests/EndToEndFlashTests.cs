using System;
using System.Collections.Generic;
using System.Linq;
using Wand.Host.Flashing;
using Wand.RomSimulator;
using Xunit;

namespace Wand.Flashing.Tests;

public sealed class EndToEndFlashTests
{
    private static readonly FirmwarePackage Package = TestImages.Package();
    private static readonly byte[] Application = TestImages.Application(180_000);

    [Fact]
    public void Flash_FullPackageAndApplicationThroughPseudoTerminal_WritesEveryRegionAtItsAddressAndVerifies()
    {
        using SimulatedBoard board = new();
        RecordingProgress progress = new();

        FlashJobResult result = FlashJob.Run(Options(board.PortPath), progress);

        Assert.Equal(ChipFamily.Esp32, result.Chip.Family);
        Assert.Equal("24:6f:28:7a:d8:84", result.Chip.MacAddress);
        Assert.Equal(4u << 20, result.Chip.FlashSize);
        Assert.Equal(["bootloader", "partition-table", "nanoCLR", "application"], result.Regions.Select(region => region.Name));
        Assert.All(result.Regions, region => Assert.False(region.Skipped));
        AssertRegion(board, result.Plan, "nanoCLR", 0x10000);
        AssertRegion(board, result.Plan, "application", 0x1E0000);
        AssertRegion(board, result.Plan, "partition-table", 0x8000);
        AssertRegion(board, result.Plan, "bootloader", 0x1000);
        Assert.Equal(Package.Runtime, board.Read(0x10000, Package.Runtime.Length));
        Assert.Equal(Application, board.Read(0x1E0000, Application.Length));
        Assert.Contains(progress.Verified, name => name == "nanoCLR");
        Assert.True(result.Regions.Single(region => region.Name == "nanoCLR").WireLength < Package.Runtime.Length * 0.8, "the nanoCLR-like image should compress");
        Assert.Contains(progress.Warnings, warning => warning.Contains("Chip was NOT reset", StringComparison.Ordinal));
    }

    [Fact]
    public void Flash_SecondRunWithSameImages_SkipsEveryRegionByMd5()
    {
        using SimulatedBoard board = new();
        _ = FlashJob.Run(Options(board.PortPath), new RecordingProgress());
        long programmed = board.Simulator.Flash.BytesProgrammed;

        FlashJobResult again = FlashJob.Run(Options(board.PortPath), new RecordingProgress());

        Assert.All(again.Regions, region => Assert.True(region.Skipped, region.Name));
        Assert.Equal(programmed, board.Simulator.Flash.BytesProgrammed);
    }

    [Fact]
    public void Flash_ApplicationOnly_ReadsDeploymentAddressFromTheBoardPartitionTable()
    {
        using SimulatedBoard board = new();
        _ = FlashJob.Run(Options(board.PortPath) with { Application = null }, new RecordingProgress());
        byte[] newApplication = TestImages.Application(64_000, seed: 11);

        FlashJobResult result = FlashJob.Run(Options(board.PortPath) with { Package = null, Application = newApplication }, new RecordingProgress());

        Assert.Equal(0x1E0000u, Assert.Single(result.Regions).Address);
        Assert.Equal(newApplication, board.Read(0x1E0000, newApplication.Length));
    }

    [Fact]
    public void Flash_EraseAll_ErasesWholeFlashThenWritesWithoutSkipping()
    {
        using SimulatedBoard board = new();
        board.Simulator.Flash.Program(0x3F0000, [0x00, 0x11]);

        FlashJobResult result = FlashJob.Run(Options(board.PortPath) with { EraseAll = true, Application = null }, new RecordingProgress());

        Assert.Equal(new byte[] { 0xFF, 0xFF }, board.Read(0x3F0000, 2));
        Assert.All(result.Regions, region => Assert.False(region.Skipped));
        Assert.Equal(Package.Runtime, board.Read(0x10000, Package.Runtime.Length));
    }

    [Fact]
    public void Flash_OverTcp_WritesAndVerifies()
    {
        using RomSimulator.RomSimulator simulator = new();
        int port = simulator.ServeTcp();

        FlashJobResult result = FlashJob.Run(Options($"tcp://127.0.0.1:{port}") with { Package = null, Application = null, EraseAll = false } with { Package = Package }, new RecordingProgress());

        Assert.Equal(Package.Runtime, simulator.Flash.Read(0x10000, Package.Runtime.Length));
        Assert.Equal(3, result.Regions.Count);
    }

    [Fact]
    [Trait("Requirement", "HC-3")]
    public void Flash_ImageForAnotherChip_IsRefusedBeforeAnythingIsErasedOrWritten()
    {
        using SimulatedBoard board = new();
        FirmwarePackage s3Package = TestImages.Package(runtimeLength: 200_000, chipId: 9);

        ChipMismatchException error = Assert.Throws<ChipMismatchException>(() =>
            FlashJob.Run(Options(board.PortPath) with { Package = s3Package }, new RecordingProgress()));

        Assert.Contains("ESP32-S3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, board.Simulator.Flash.SectorsErased);
        Assert.Equal(0, board.Simulator.Flash.BytesProgrammed);
    }

    [Fact]
    public void Flash_ApplicationLargerThanDeploymentPartition_IsRefusedBeforeAnythingIsWritten()
    {
        using SimulatedBoard board = new();
        byte[] tooLarge = TestImages.Application(0x1C0000 + 4);

        ImageTooLargeException error = Assert.Throws<ImageTooLargeException>(() =>
            FlashJob.Run(Options(board.PortPath) with { Application = tooLarge }, new RecordingProgress()));

        Assert.Contains("application", error.Message, StringComparison.Ordinal);
        Assert.Contains("0x1E0000", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, board.Simulator.Flash.SectorsErased);
        Assert.Equal(0, board.Simulator.Flash.BytesProgrammed);
    }

    [Fact]
    public void Flash_FourMegabytePackageOnTwoMegabyteBoard_IsRefusedBeforeAnythingIsWritten()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { FlashSize = 2 << 20, FlashJedecId = 0x1540EF });

        PartitionTableException error = Assert.Throws<PartitionTableException>(() =>
            FlashJob.Run(Options(board.PortPath), new RecordingProgress()));

        Assert.Contains("2 MB flash", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, board.Simulator.Flash.SectorsErased);
        Assert.Equal(0, board.Simulator.Flash.BytesProgrammed);
    }

    [Fact]
    public void Flash_CorruptImage_IsRefusedBeforeThePortIsOpened()
    {
        byte[] runtime = (byte[])Package.Runtime.Clone();
        runtime[5000] ^= 0x40;
        FirmwarePackage corrupt = FirmwarePackage.FromImages("corrupt", Package.Bootloader, runtime, Package.PartitionTables);

        ImageValidationException error = Assert.Throws<ImageValidationException>(() =>
            FlashJob.Run(Options("/dev/this-port-does-not-exist") with { Package = corrupt }, new RecordingProgress()));

        Assert.Contains("nanoCLR.bin", error.Message, StringComparison.Ordinal);
    }

    internal static FlashJobOptions Options(string port) => new()
    {
        Port = port,
        BaudRate = 921_600,
        Package = Package,
        Application = Application,
        ApplicationName = "App.bin",
        Timeouts = SimulatedBoard.FastTimeouts,
    };

    private static void AssertRegion(SimulatedBoard board, FlashPlan plan, string name, uint address)
    {
        FlashRegion region = plan.Find(name) ?? throw new InvalidOperationException(name);
        Assert.Equal(address, region.Address);
        Assert.Equal(region.Data, board.Read(region.Address, region.Data.Length));
    }
}

internal sealed class RecordingProgress : IFlashProgress
{
    public List<string> Statuses { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Verified { get; } = [];

    public Dictionary<string, long> LastProgress { get; } = [];

    public void Status(string message) => Statuses.Add(message);

    public void Warning(string message) => Warnings.Add(message);

    public void RegionStarted(FlashRegion region, long wireBytes) => LastProgress[region.Name] = 0;

    public void RegionProgress(FlashRegion region, long bytesWritten) => LastProgress[region.Name] = bytesWritten;

    public void Verifying(FlashRegion region) => Verified.Add(region.Name);

    public void RegionFinished(FlashRegion region, bool skipped)
    {
    }
}
