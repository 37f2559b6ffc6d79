using System;
using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>Patterns are data (MD-3), and the governor applies the ramp and ceiling rules to every sample.</summary>
public class PatternTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(17)]
    public void MD3_AWaveSessionCountsAsRunningOnceItsSwellFirstReachesTheLevelWhateverTheTickPhase(int offsetMilliseconds)
    {
        // A command arrives between ticks: the swell's peak then falls between two samples of the pattern.
        TestBench bench = new();
        bench.Run(400);
        bench.Clock.MillisecondsSinceBoot = bench.Clock.Now + offsetMilliseconds;
        Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(3, PatternKind.Wave, 60));
        bench.Run(2900);
        Assert.Equal(SessionState.Starting, bench.Controller.SessionState);
        bench.Run(200);
        Assert.Equal(SessionState.Running, bench.Controller.SessionState);
    }

    [Theory]
    [InlineData(PatternKind.Continuous)]
    [InlineData(PatternKind.Pulse)]
    [InlineData(PatternKind.Wave)]
    [InlineData(PatternKind.Heartbeat)]
    public void MD3_EveryRequiredPatternIsInTheLibraryUnderItsWireValue(PatternKind kind)
    {
        PatternLibrary library = new();
        Assert.True(library.IsKnown(kind));
        Assert.Equal(kind.ToString(), library.Get(kind).Name);
    }

    [Fact]
    public void MD3_EnvelopesStayWithinTheLevelAndRepeatEveryPeriod()
    {
        PatternLibrary library = new();
        for (int index = 0; index < library.Count; index++)
        {
            Pattern pattern = library.Get((PatternKind)index);
            for (long time = 0; time < 2L * pattern.PeriodMilliseconds; time += 5)
            {
                float intensity = pattern.IntensityAt(time);
                Assert.InRange(intensity, 0f, 1f);
                Assert.Equal(intensity, pattern.IntensityAt(time + pattern.PeriodMilliseconds));
            }
        }
    }

    [Theory]
    [InlineData(PatternKind.Pulse)]
    [InlineData(PatternKind.Wave)]
    [InlineData(PatternKind.Heartbeat)]
    public void MD3_SR4_PatternSamplesNeverStepFasterThanTheSlewLimitNorAboveTheLevel(PatternKind kind)
    {
        TestBench bench = new();
        Assert.Equal(CommandResult.Success, bench.BootAndStart(level: 5, pattern: kind));
        bench.Run(1000);
        float previous = bench.Controller.PresentLevel;
        float lowest = float.MaxValue;
        float highest = 0;
        bench.Run(12_000, () =>
        {
            float level = bench.Controller.PresentLevel;
            Assert.True(Math.Abs(level - previous) <= (TestBench.Tick / (float)SafetyLimits.MillisecondsPerLevelStep) + 1e-4f, $"{kind}: step {level - previous}");
            Assert.True(level <= 5f + 1e-4f, $"{kind}: level {level} above the session's level");
            previous = level;
            lowest = Math.Min(lowest, level);
            highest = Math.Max(highest, level);
        });

        // The envelope really modulates the drive (a pattern that collapsed to a constant would pass the checks above).
        Assert.True(highest - lowest >= 1f, $"{kind}: drive only varied between {lowest} and {highest}");
    }
}
