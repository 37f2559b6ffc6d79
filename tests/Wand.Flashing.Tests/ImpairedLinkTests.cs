using System;
using System.Collections.Generic;
using System.Linq;
using Wand.Host.Flashing;
using Wand.RomSimulator;
using Xunit;

namespace Wand.Flashing.Tests;

/// <summary>
/// An impaired line gets retries or a clear failure, never a false success: whenever a job reports success, every
/// region in the simulated flash equals its image byte for byte.
/// </summary>
public sealed class ImpairedLinkTests
{
    private static readonly FirmwarePackage Package = TestImages.Package(runtimeLength: 420_000);
    private static readonly byte[] Application = TestImages.Application(60_000);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CorruptedRequestBytes_AreResentOrRewrittenAndTheFlashMatches(int seed)
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { Seed = seed, CorruptProbability = 1e-4, AffectResponses = false } });

        FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.True(board.Simulator.Statistics.BytesCorrupted > 0);
        Assert.True(result.Regions.Sum(region => region.ResentBlocks + region.Restarts) > 0, "corruption must have cost retries");
    }

    [Fact]
    public void CorruptedResponseBytes_AreRetriedAndTheFlashMatches()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { Seed = 4, CorruptProbability = 2e-3, AffectRequests = false } });

        FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.True(board.Simulator.Statistics.BytesCorrupted > 0);
    }

    [Fact]
    public void LostAnswers_AreRecoveredByProbingOrBySegmentRestarts_AndTheFlashMatches()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { Seed = 8, LoseAnswerProbability = 5e-3 } });

        FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.True(board.Simulator.Statistics.AnswersLost > 0);
        Assert.True(result.Regions.Sum(region => region.LostAnswers + region.Restarts + region.ResentBlocks) > 0, "lost answers must cost a probe, a resend or a restart");
    }

    [Fact]
    public void LostAnswerToABlockThatCompletesAnInflateWindow_IsFoundWrittenByProbing_AndTheSegmentGoesOn()
    {
        long block = DataBlockInNanoClr(traced: true);
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { LoseAnswerToDataBlock = block } });

        FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.Equal(1, board.Simulator.Statistics.AnswersLost);
        Assert.Equal(1, result.Regions.Sum(region => region.LostAnswers));
        Assert.Equal(0, result.Regions.Sum(region => region.Restarts + region.ResentBlocks));
    }

    [Fact]
    public void LostAnswerToABlockWhoseOutputIsStillInTheInflateWindow_RestartsOnlyItsSegment()
    {
        long block = DataBlockInNanoClr(traced: false);
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { LoseAnswerToDataBlock = block } });

        FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.Equal(1, board.Simulator.Statistics.AnswersLost);
        Assert.Equal(0, result.Regions.Sum(region => region.LostAnswers));
        Assert.Equal(1, result.Regions.Single(region => region.Name == "nanoCLR").Restarts);
    }

    [Fact]
    public void LostRequests_AreResentWithoutRewritingTheChunk()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { Seed = 9, DropProbability = 5e-5, AffectResponses = false } });

        FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.True(result.Regions.Sum(region => region.ResentBlocks) > 0);
    }

    [Fact]
    public void DelayedBytes_OnlySlowTheJobDown()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { Seed = 5, DelayProbability = 2e-4, Delay = TimeSpan.FromMilliseconds(5) } });

        FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());

        AssertFlashHolds(board, result.Plan);
        Assert.True(board.Simulator.Statistics.BytesDelayed > 0);
    }

    [Fact]
    public void ChipResetInTheMiddleOfWriting_ResynchronisesAtRomBaudRateAndFinishes()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { ResetAfterDataBlocks = 150 } });
        RecordingProgress progress = new();

        FlashJobResult result = FlashJob.Run(Options(board), progress);

        AssertFlashHolds(board, result.Plan);
        Assert.Equal(1, board.Simulator.Statistics.Resets);
        Assert.True(board.Simulator.Statistics.BytesGarbled > 0, "after the reset the ROM is back at 115200 while the host is at 921600");
        Assert.Contains(progress.Warnings, warning => warning.Contains("looking for it at 115200", StringComparison.Ordinal));
    }

    [Fact]
    public void DroppedBytesInBothDirections_NeverGiveAFalseSuccess()
    {
        int successes = 0;
        List<Exception> failures = [];
        long dropped = 0;
        for (int seed = 10; seed < 14; seed++)
        {
            using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { Seed = seed, DropProbability = 1e-4 } });
            try
            {
                FlashJobResult result = FlashJob.Run(Options(board), new RecordingProgress());
                AssertFlashHolds(board, result.Plan);
                successes++;
            }
            catch (FlashingException exception)
            {
                failures.Add(exception);
            }

            dropped += board.Simulator.Statistics.BytesDropped;
        }

        Assert.True(dropped > 0);
        Assert.True(successes > 0, $"retries should carry most jobs through; failures: {string.Join(" | ", failures.Select(failure => failure.Message))}");
    }

    [Fact]
    public void HopelessLine_FailsWithATypedErrorAndNoSuccess()
    {
        using SimulatedBoard board = new(new RomSimulatorOptions { Faults = new FaultInjection { Seed = 6, DropProbability = 0.03 } });

        FlashingException error = Assert.ThrowsAny<FlashingException>(() => FlashJob.Run(Options(board), new RecordingProgress()));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.NotEqual(Package.Runtime, board.Read(0x10000, Package.Runtime.Length));
    }

    private static FlashJobOptions Options(SimulatedBoard board) => new()
    {
        Port = board.PortPath,
        BaudRate = 921_600,
        Package = Package,
        Application = Application,
        ApplicationName = "App.bin",
        Timeouts = SimulatedBoard.FastTimeouts,
    };

    /// <summary>
    /// The 1-based number, counted over the whole job, of a data block in nanoCLR's first segment whose arrival does
    /// (<paramref name="traced"/>) or does not leave a certain trace in the flash (it completes a 32 KB inflate window).
    /// </summary>
    private static long DataBlockInNanoClr(bool traced)
    {
        FlashPlan plan = FlashJob.Plan(new FlashJobOptions { Port = "unused", Package = Package, Application = Application, ApplicationName = "App.bin" }, 4u << 20)!;
        long before = 0;
        foreach (FlashRegion region in plan.Regions)
        {
            for (int offset = 0; offset < region.Data.Length; offset += RomFlasher.DefaultSegmentSize)
            {
                CompressedImage image = CompressedImage.Create(region.Data.AsSpan(offset, Math.Min(RomFlasher.DefaultSegmentSize, region.Data.Length - offset)).ToArray());
                int blocks = image.BlockCount(RomFlasher.RomBlockSize);
                if (region.Name == "nanoCLR")
                {
                    for (int sequence = 4; sequence < blocks - 1; sequence++)
                    {
                        (long start, long end) = BlockProbe.TraceRange(image, sequence, RomFlasher.RomBlockSize, RomFlasher.RomInflateWindow);
                        if ((end > start) == traced)
                        {
                            return before + sequence + 1;
                        }
                    }

                    throw new InvalidOperationException("no suitable block in nanoCLR's first segment");
                }

                before += blocks;
            }
        }

        throw new InvalidOperationException("the plan has no nanoCLR region");
    }

    private static void AssertFlashHolds(SimulatedBoard board, FlashPlan plan)
    {
        foreach (FlashRegion region in plan.Regions)
        {
            Assert.True(region.Data.AsSpan().SequenceEqual(board.Read(region.Address, region.Data.Length)), $"{region.Name} differs from its image after a reported success");
        }
    }
}
