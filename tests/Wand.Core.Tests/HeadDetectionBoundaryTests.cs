using Wand.Core.Board;
using Wand.Core.Heads;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// Head acceptance and skin contact at their exact time boundaries: a head is accepted after 150 ms of consistent
/// readings (SR-6, HD-3), contact resumes vibration after 200 ms of stable touch and a lift pauses it at once (HD-5).
/// </summary>
public class HeadDetectionBoundaryTests
{
    private const int SoftDomeCounts = 869;
    private const int NoHeadCounts = 4095;

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void HD3_AHeadIsAcceptedWhen150MillisecondsOfConsistentReadingsHavePassedAndNotBefore(long start)
    {
        HeadDetector detector = new(HeadCatalog.CreateDefault());

        detector.Sample(SoftDomeCounts, start);
        detector.Sample(SoftDomeCounts, start + SafetyLimits.HeadAcceptMilliseconds - 1);
        Assert.Equal(HeadIdentity.None, detector.Confirmed);

        detector.Sample(SoftDomeCounts, start + SafetyLimits.HeadAcceptMilliseconds);
        Assert.Equal(HeadIdentity.SoftDome, detector.Confirmed);
    }

    [Fact]
    public void SR6_ARemovedHeadIsLostOnTheFirstReadingAndAcceptedAgainOnlyAfter150Milliseconds()
    {
        HeadDetector detector = new(HeadCatalog.CreateDefault());
        detector.Sample(SoftDomeCounts, 0);
        detector.Sample(SoftDomeCounts, 200);
        Assert.Equal(HeadIdentity.SoftDome, detector.Confirmed);

        Assert.True(detector.Sample(NoHeadCounts, 220));
        Assert.Equal(HeadIdentity.None, detector.Confirmed);

        detector.Sample(SoftDomeCounts, 240);
        detector.Sample(SoftDomeCounts, 389);
        Assert.Equal(HeadIdentity.None, detector.Confirmed);
        detector.Sample(SoftDomeCounts, 390);
        Assert.Equal(HeadIdentity.SoftDome, detector.Confirmed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void HD5_ContactCountsOnlyAfter200MillisecondsOfStableTouch(long start)
    {
        FakeTouchSensor sensor = new() { IsTouching = true };
        SkinContactMonitor monitor = new(sensor);
        Assert.False(monitor.InContact);

        monitor.Sample(start);
        Assert.False(monitor.InContact);
        monitor.Sample(start + SkinContactMonitor.ResumeMilliseconds - 1);
        Assert.False(monitor.InContact);
        monitor.Sample(start + SkinContactMonitor.ResumeMilliseconds);
        Assert.True(monitor.InContact);
    }

    [Fact]
    public void HD5_ALiftPausesAtOnceAndTheNextTouchWaitsTheFull200Milliseconds()
    {
        FakeTouchSensor sensor = new() { IsTouching = true };
        SkinContactMonitor monitor = new(sensor);
        monitor.Sample(1000);
        monitor.Sample(1300);
        Assert.True(monitor.InContact);

        sensor.IsTouching = false;
        monitor.Sample(1320);
        Assert.False(monitor.InContact);

        sensor.IsTouching = true;
        monitor.Sample(1340);
        monitor.Sample(1340 + SkinContactMonitor.ResumeMilliseconds - 1);
        Assert.False(monitor.InContact);
        monitor.Sample(1340 + SkinContactMonitor.ResumeMilliseconds);
        Assert.True(monitor.InContact);
    }

    [Fact]
    public void HD5_WithoutASensorTheHeadAlwaysCountsAsInContact()
    {
        SkinContactMonitor monitor = new(null);
        Assert.True(monitor.InContact);
        monitor.Sample(0);
        monitor.Sample(5000);
        Assert.True(monitor.InContact);
    }
}
