using System;
using Wand.Core.Board;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Simulation.Tests;

public class HeadIdDividerTests
{
    private static readonly BoardProfile Profile = BoardProfile.CreateDefault();

    private static VirtualBoard IdealBoard() => new(Profile, new VirtualBoardOptions
    {
        AdcError = false,
        AdcNoiseMillivolts = 0,
        Tolerances = SensorTolerances.Exact,
        InitialHeadIndex = -1,
    });

    [Fact]
    public void HD1_NominalHeads_ReadAtTheCentreOfTheirCatalogueBands()
    {
        VirtualBoard board = IdealBoard();
        for (int index = 0; index < Profile.Heads.Count; index++)
        {
            HeadDefinition head = Profile.Heads[index];
            board.SetHeadResistor(head.IdResistorOhms);

            int counts = board.Io.HeadId.ReadCounts();

            Assert.InRange(counts, ((head.MinimumCounts + head.MaximumCounts) / 2) - 2, ((head.MinimumCounts + head.MaximumCounts) / 2) + 2);
            Assert.Equal(head.Identity, Profile.Heads.Classify(counts));
        }
    }

    [Fact]
    public void HD2_SR18_AcrossToleranceDraws_EveryHeadReadsInsideItsBandOnceCalibratedAndNeverAsAnotherHeadBefore()
    {
        // Parts drawn within the documented tolerances (SensorTolerances), bounded noise, per board and head. The
        // firmware classifies the corrected reading; without a sensor calibration a head may read as unknown (no drive),
        // never as another head.
        int worstMargin = int.MaxValue;
        int unknownUncalibrated = 0;
        for (ulong seed = 0; seed < 300; seed++)
        {
            VirtualBoard board = new(Profile, new VirtualBoardOptions { Seed = seed, InitialHeadIndex = -1 });
            Wand.Core.Calibration.SensorCorrection correction = new();
            correction.Load(FactorySensorCalibration.For(board));
            for (int index = 0; index < Profile.Heads.Count; index++)
            {
                HeadDefinition head = Profile.Heads[index];
                board.AttachHead(head);
                for (int read = 0; read < 20; read++)
                {
                    int raw = board.Io.HeadId.ReadCounts();
                    int counts = correction.Correct(Wand.Protocol.Factory.SensorCalibrationRecord.HeadIdChannel, raw);
                    Assert.True(
                        Profile.Heads.Classify(counts) == head.Identity,
                        $"seed {seed}: {head.Name} read {counts}, band {head.MinimumCounts}–{head.MaximumCounts}");
                    worstMargin = Math.Min(worstMargin, Math.Min(counts - head.MinimumCounts, head.MaximumCounts - counts));
                    HeadIdentity uncalibrated = Profile.Heads.Classify(raw);
                    Assert.True(uncalibrated == head.Identity || uncalibrated == HeadIdentity.Unknown, $"seed {seed}: {head.Name} raw {raw} reads as {uncalibrated}");
                    unknownUncalibrated += uncalibrated == HeadIdentity.Unknown ? 1 : 0;
                }
            }
        }

        Assert.True(worstMargin > 0);
    }

    [Fact]
    public void HD1_DetachedOpenLine_ReadsNone_AndSaturatesAtFullScale()
    {
        VirtualBoard board = IdealBoard();
        board.DetachHead();

        int counts = board.Io.HeadId.ReadCounts();

        Assert.Equal(4095, counts);
        Assert.Equal(HeadIdentity.None, Profile.Heads.Classify(counts));
    }

    [Fact]
    public void HD1_ShortedLine_ReadsShorted_AndSaturatesAtZeroEvenWithNegativeOffset()
    {
        VirtualBoard board = new(Profile, new VirtualBoardOptions { Seed = 3, InitialHeadIndex = -1 });
        board.SetHeadResistor(0);

        for (int read = 0; read < 100; read++)
        {
            int counts = board.Io.HeadId.ReadCounts();
            Assert.InRange(counts, 0, HeadCatalog.ShortMaximumCounts);
            Assert.Equal(HeadIdentity.Shorted, Profile.Heads.Classify(counts));
        }
    }

    [Fact]
    public void HD2_ResistorBetweenBands_ReadsUnknown()
    {
        VirtualBoard board = IdealBoard();
        board.SetHeadResistor(4300);

        Assert.Equal(HeadIdentity.Unknown, Profile.Heads.Classify(board.Io.HeadId.ReadCounts()));
    }

    [Fact]
    public void AttachHead_DrawsResistorWithinOnePercent_AndSeedsRepeat()
    {
        VirtualBoard first = new(Profile, new VirtualBoardOptions { Seed = 9 });
        VirtualBoard second = new(Profile, new VirtualBoardOptions { Seed = 9 });
        for (int swap = 0; swap < 50; swap++)
        {
            VirtualHead a = first.AttachHead(HeadIdentity.RidgedWave);
            VirtualHead b = second.AttachHead(HeadIdentity.RidgedWave);
            Assert.Equal(a.ActualOhms, b.ActualOhms);
            Assert.InRange(a.ActualOhms, 6650 * 0.99, 6650 * 1.01);
        }
    }

    [Fact]
    public void AnalogConverter_ErrorBeyondItsRange_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnalogConverter(250, 0.01, 0, new SimulationRandom(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnalogConverter(0, 0.25, 0, new SimulationRandom(1)));
    }

    [Fact]
    public void AnalogConverter_DrawnBoards_StayWithinTheDocumentedTolerances()
    {
        SensorTolerances tolerances = SensorTolerances.Documented;
        for (ulong seed = 0; seed < 200; seed++)
        {
            AnalogConverter converter = AnalogConverter.Draw(new SimulationRandom(seed), tolerances, 0, new SimulationRandom(seed));
            foreach (double volts in new[] { 0.2, 1.0, 2.0, 2.4 })
            {
                double allowed = (volts * 1000 * tolerances.AdcGainFraction) + tolerances.AdcOffsetMillivolts
                    + (tolerances.AdcNonlinearityLsb * SensorTolerances.LsbMillivolts) + 1;
                int error = AnalogScaling.CountsToMillivolts(converter.Convert(volts)) - (int)(volts * 1000);
                Assert.InRange(error, -allowed, allowed);
            }
        }
    }

    [Fact]
    public void ForceCounts_StuckChannel_ReturnsTheForcedValueUntilReleased()
    {
        VirtualBoard board = IdealBoard();
        board.HeadId.ForceCounts(1234);
        board.DetachHead();
        Assert.Equal(1234, board.Io.HeadId.ReadCounts());

        board.HeadId.ForceCounts(null);
        Assert.Equal(4095, board.Io.HeadId.ReadCounts());
        Assert.Throws<ArgumentOutOfRangeException>(() => board.HeadId.ForceCounts(5000));
    }
}
