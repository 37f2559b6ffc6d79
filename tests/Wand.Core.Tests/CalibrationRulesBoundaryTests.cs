using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Factory;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// Which motor calibration records may be used (SR-16 under the SR-3 ceiling), at each rule's exact boundary: every
/// voltage from 500 mV to the rated voltage, a kick of 0 to 50 ms, the sustain voltage below level 1 and the levels
/// strictly ascending. Each case changes one field of the nominal record.
/// </summary>
public class CalibrationRulesBoundaryTests
{
    private const int Ceiling = SafetyLimits.DefaultRatedMotorMillivolts;

    [Theory]
    [InlineData("none", 0, true)]
    [InlineData("version", CalibrationRecord.CurrentVersion + 1, false)]
    [InlineData("sustain", CalibrationRules.MinimumMillivolts - 1, false)]
    [InlineData("sustain", CalibrationRules.MinimumMillivolts, true)]
    [InlineData("sustain", 1699, true)]
    [InlineData("sustain", 1700, false)]
    [InlineData("breakaway", CalibrationRules.MinimumMillivolts - 1, false)]
    [InlineData("breakaway", CalibrationRules.MinimumMillivolts, true)]
    [InlineData("breakaway", Ceiling, true)]
    [InlineData("breakaway", Ceiling + 1, false)]
    [InlineData("kick", CalibrationRules.MinimumMillivolts - 1, false)]
    [InlineData("kick", Ceiling, true)]
    [InlineData("kick", Ceiling + 1, false)]
    [InlineData("kickMilliseconds", -1, false)]
    [InlineData("kickMilliseconds", 0, true)]
    [InlineData("kickMilliseconds", SafetyLimits.MaximumKickMilliseconds, true)]
    [InlineData("kickMilliseconds", SafetyLimits.MaximumKickMilliseconds + 1, false)]
    [InlineData("level5", Ceiling, true)]
    [InlineData("level5", Ceiling + 1, false)]
    [InlineData("level2", 1700, false)]
    [InlineData("level2", 1701, true)]
    [InlineData("level5", 2450, false)]
    [InlineData("level5", 2451, true)]
    public void SR16_SR3_ARecordIsUsedOnlyWhenEveryValueIsWithinItsRule(string field, int value, bool valid)
    {
        CalibrationRecord record = TestBench.NominalCalibration();
        switch (field)
        {
            case "version": record.Version = value; break;
            case "sustain": record.SustainMillivolts = value; break;
            case "breakaway": record.BreakawayMillivolts = value; break;
            case "kick": record.KickMillivolts = value; break;
            case "kickMilliseconds": record.KickMilliseconds = value; break;
            case "level2": record.SetLevelMillivolts(2, value); break;
            case "level5": record.SetLevelMillivolts(5, value); break;
        }

        Assert.Equal(valid, CalibrationRules.IsValidFor(record, new SafetyLimits()));
    }

    [Fact]
    public void SR16_ALowestLevelBelowTheMinimumVoltageIsRefused()
    {
        CalibrationRecord record = TestBench.NominalCalibration();
        record.SustainMillivolts = CalibrationRules.MinimumMillivolts - 2;
        record.SetLevelMillivolts(1, CalibrationRules.MinimumMillivolts - 1);
        Assert.False(CalibrationRules.IsValidFor(record, new SafetyLimits()));
    }

    [Fact]
    public void SR16_TheSafeDefaultsAreValidOnTheDefaultBoard()
    {
        Assert.True(CalibrationRules.IsValidFor(CalibrationRules.CreateSafeDefaults(), new SafetyLimits()));
    }

    [Theory]
    [InlineData("version")]
    [InlineData("sustain")]
    [InlineData("breakaway")]
    [InlineData("kick")]
    [InlineData("kickMilliseconds")]
    [InlineData("level1")]
    [InlineData("level5")]
    public void SR16_AReadBackRecordCountsAsTheSameOnlyWhenEveryFieldMatches(string field)
    {
        CalibrationRecord written = TestBench.NominalCalibration();
        CalibrationRecord copy = new();
        CalibrationRules.Copy(written, copy);
        Assert.True(CalibrationRules.SameValues(written, copy));

        switch (field)
        {
            case "version": copy.Version++; break;
            case "sustain": copy.SustainMillivolts++; break;
            case "breakaway": copy.BreakawayMillivolts++; break;
            case "kick": copy.KickMillivolts++; break;
            case "kickMilliseconds": copy.KickMilliseconds++; break;
            case "level1": copy.SetLevelMillivolts(1, written.LevelMillivolts(1) + 1); break;
            case "level5": copy.SetLevelMillivolts(5, written.LevelMillivolts(5) + 1); break;
        }

        Assert.False(CalibrationRules.SameValues(written, copy));
    }
}
