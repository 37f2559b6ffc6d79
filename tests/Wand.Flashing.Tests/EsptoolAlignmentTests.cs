using System;
using System.Linq;
using System.Threading;
using Wand.Host.Flashing;
using Wand.RomSimulator;
using Xunit;

namespace Wand.Flashing.Tests;

/// <summary>
/// <c>wand flash</c> against the strict simulator where it follows esptool: baud compensation and fallback, flash
/// attach with eFuse pads, boot-log diagnostics, one MD5 per file, and a clean stop.
/// </summary>
public sealed class EsptoolAlignmentTests
{
    private static readonly FirmwarePackage Package = TestImages.Package(runtimeLength: 300_000);
    private static readonly byte[] Application = TestImages.Application(40_000);

    [Fact]
    public void DriftingRomCrystal_IsCompensatedLikeEsptool_SoTheLineRunsAt921600WithoutGarbage()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { RomCrystalEstimate = RomSimulatorOptions.DriftingCrystalEstimate });
        RecordingProgress progress = new();

        FlashJobResult result = FlashJob.Run(Options(board.PortPath) with { ResetAfter = false }, progress);

        AssertFlashHolds(board, result.Plan);
        Assert.Equal(921_600, result.TransferBaudRate);
        Assert.Equal(0, board.Simulator.Statistics.BytesGarbled); // uncompensated, the ROM would run 3.3 % fast and garble
        Assert.DoesNotContain(progress.Warnings, warning => warning.Contains("does not carry", StringComparison.Ordinal));
    }

    [Fact]
    public void LinkThatFailsAt921600_FallsBackTo460800_AndFlashes()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { MaximumReliableBaudRate = 460_800, Faults = new FaultInjection { Seed = 3 } });
        RecordingProgress progress = new();

        FlashJobResult result = FlashJob.Run(Options(board.PortPath) with { ResetAfter = false }, progress);

        AssertFlashHolds(board, result.Plan);
        Assert.Contains(progress.Warnings, warning => warning.Contains("does not carry 921600", StringComparison.Ordinal) && warning.Contains("460800", StringComparison.Ordinal));
        Assert.Equal(460_800, result.TransferBaudRate);
    }

    [Fact]
    public void InPackageFlash_IsAttachedWithTheEfuseSpiPads()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { PackageVersion = 5, SpiPads = SpiPads.InPackage });

        FlashJobResult result = FlashJob.Run(Options(board.PortPath), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.Equal(SpiPads.InPackage.AttachValue, result.Chip.SpiPads);
        Assert.Contains("Embedded Flash", result.Chip.Features);
    }

    [Fact]
    public void ChipBootingFromFlash_IsReportedAsWrongBootModeWithWhatToDo()
    {
        using RomSimulator.RomSimulator simulator = new(new RomSimulatorOptions { BootMode = BootMode.SpiFlash });
        int port = simulator.ServeTcp();

        BootloaderNotRespondingException failure = Assert.Throws<BootloaderNotRespondingException>(() => FlashJob.Run(Options($"tcp://127.0.0.1:{port}"), new RecordingProgress()));

        Assert.Contains("Wrong boot mode detected (0x13)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("hold BOOT (GPIO0) low", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, simulator.Flash.BytesProgrammed);
    }

    [Fact]
    public void BrownoutInTheBootLog_IsWarnedAboutWithWhatToDo_AndFlashingGoesOn()
    {
        using RomSimulator.RomSimulator simulator = new(new RomSimulatorOptions { BootProblem = BootProblem.Brownout });
        int port = simulator.ServeTcp();
        RecordingProgress progress = new();

        FlashJobResult result = FlashJob.Run(Options($"tcp://127.0.0.1:{port}"), progress);

        Assert.Contains(progress.Warnings, warning => warning.StartsWith("Brown-out", StringComparison.Ordinal) && warning.Contains("500 mA", StringComparison.Ordinal));
        Assert.All(result.Plan.Regions, region => Assert.Equal(region.Data, simulator.Flash.Read((int)region.Address, region.Data.Length)));
    }

    [Fact]
    public void EachFile_CostsOneMd5ToWriteAndVerify_AndOneMd5ToSkipWhenUnchanged()
    {
        using SimulatedBoard board = new();
        FlashJobResult first = FlashJob.Run(Options(board.PortPath), new RecordingProgress());
        long imageBytes = first.Plan.Regions.Sum(region => (long)region.Data.Length);
        long hashedByFirst = board.Simulator.Model.BytesHashed;

        FlashJobResult second = FlashJob.Run(Options(board.PortPath), new RecordingProgress());
        long hashedBySecond = board.Simulator.Model.BytesHashed - hashedByFirst;

        Assert.Equal(2 * imageBytes, hashedByFirst); // the skip check finds erased flash, then one verification
        Assert.Equal(imageBytes, hashedBySecond);
        Assert.All(second.Regions, region => Assert.True(region.Skipped, region.Name));
    }

    [Fact]
    public void Cancellation_StopsBetweenBlocks_SaysWhatTheFlashHolds_AndTheNextRunFinishes()
    {
        using SimulatedBoard board = new();
        using CancellationTokenSource cancel = new();
        CancellingProgress progress = new("nanoCLR", 100_000, cancel);

        FlashCancelledException stopped = Assert.Throws<FlashCancelledException>(() => FlashJob.Run(Options(board.PortPath), progress, cancel.Token));
        FlashJobResult again = FlashJob.Run(Options(board.PortPath), new RecordingProgress());

        Assert.Contains("bootloader at 0x1000: written and verified", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("nanoCLR at 0x10000: INCOMPLETE", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("not touched: application", stopped.Message, StringComparison.Ordinal);
        Assert.Contains("will not run this firmware", stopped.Message, StringComparison.Ordinal);
        Assert.True(again.Regions.Single(region => region.Name == "bootloader").Skipped);
        Assert.False(again.Regions.Single(region => region.Name == "nanoCLR").Skipped);
        AssertFlashHolds(board, again.Plan);
    }

    private static FlashJobOptions Options(string port) => new()
    {
        Port = port,
        BaudRate = 921_600,
        Package = Package,
        Application = Application,
        ApplicationName = "App.bin",
        Timeouts = SimulatedBoard.FastTimeouts,
    };

    private static void AssertFlashHolds(SimulatedBoard board, FlashPlan plan)
    {
        foreach (FlashRegion region in plan.Regions)
        {
            Assert.True(region.Data.AsSpan().SequenceEqual(board.Read(region.Address, region.Data.Length)), $"{region.Name} differs from its image");
        }
    }

    /// <summary>Cancels the job, as Ctrl-C would, once a region has progressed far enough.</summary>
    private sealed class CancellingProgress(string region, long after, CancellationTokenSource cancel) : IFlashProgress
    {
        public void Status(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void RegionStarted(FlashRegion started, long wireBytes)
        {
        }

        public void RegionProgress(FlashRegion progressed, long bytesWritten)
        {
            if (progressed.Name == region && bytesWritten >= after)
            {
                cancel.Cancel();
            }
        }

        public void Verifying(FlashRegion verified)
        {
        }

        public void RegionFinished(FlashRegion finished, bool skipped)
        {
        }
    }
}
