using Wand.Core.Sessions;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The button's gestures at their exact times: 30 ms debounce, hold at 1 s, long hold at 3 s, and the 500 ms window of
/// the double press that pauses a session (MD-7). A button held at boot gives no gesture until it is let go.
/// </summary>
public class ButtonGestureBoundaryTests
{
    private readonly ButtonGestureDetector detector = new();

    public ButtonGestureBoundaryTests()
    {
        detector.Sample(false, 0);
    }

    [Fact]
    public void Button_APressCountsAfter30MillisecondsOfStableContactAndAShortPressOnItsDebouncedRelease()
    {
        Assert.Equal(ButtonGesture.None, detector.Sample(true, 100));
        Assert.Equal(ButtonGesture.None, detector.Sample(true, 100 + ButtonGestureDetector.DebounceMilliseconds - 1));
        Assert.False(detector.IsPressed);
        Assert.Equal(ButtonGesture.None, detector.Sample(true, 100 + ButtonGestureDetector.DebounceMilliseconds));
        Assert.True(detector.IsPressed);
        Assert.Equal(100, detector.HeldFor(200));

        Assert.Equal(ButtonGesture.None, detector.Sample(false, 300));
        Assert.Equal(ButtonGesture.None, detector.Sample(false, 300 + ButtonGestureDetector.DebounceMilliseconds - 1));
        Assert.Equal(ButtonGesture.ShortPress, detector.Sample(false, 300 + ButtonGestureDetector.DebounceMilliseconds));
        Assert.Equal(0, detector.HeldFor(400));
    }

    [Fact]
    public void Button_HoldAndLongHoldAreReportedOnceAtExactly1And3Seconds()
    {
        detector.Sample(true, 100);
        detector.Sample(true, 130);

        Assert.Equal(ButtonGesture.None, detector.Sample(true, 100 + ButtonGestureDetector.HoldMilliseconds - 1));
        Assert.Equal(ButtonGesture.Hold, detector.Sample(true, 100 + ButtonGestureDetector.HoldMilliseconds));
        Assert.Equal(ButtonGesture.None, detector.Sample(true, 100 + ButtonGestureDetector.HoldMilliseconds + 20));
        Assert.Equal(ButtonGesture.None, detector.Sample(true, 100 + ButtonGestureDetector.LongHoldMilliseconds - 1));
        Assert.Equal(ButtonGesture.LongHold, detector.Sample(true, 100 + ButtonGestureDetector.LongHoldMilliseconds));
        Assert.Equal(ButtonGesture.None, detector.Sample(true, 100 + ButtonGestureDetector.LongHoldMilliseconds + 20));

        // Letting go after a hold is not a short press.
        detector.Sample(false, 4000);
        Assert.Equal(ButtonGesture.None, detector.Sample(false, 4030));
    }

    [Theory]
    [InlineData(500, ButtonGesture.DoublePress)]
    [InlineData(501, ButtonGesture.None)]
    public void MD7_ASecondShortPressReleasedWithin500MillisecondsOfTheFirstIsADoublePress(long gap, ButtonGesture expected)
    {
        detector.DoublePressArmed = true;
        Assert.Equal(ButtonGesture.None, ShortPress(detector, 100, 200));

        Assert.Equal(expected, ShortPress(detector, 300, 200 + gap));
    }

    [Fact]
    public void MD7_AShortPressHeldBackForTheDoublePressIsReportedWhenTheWindowHasPassed()
    {
        detector.DoublePressArmed = true;
        Assert.Equal(ButtonGesture.None, ShortPress(detector, 100, 200));

        Assert.Equal(ButtonGesture.None, detector.Sample(false, 230 + ButtonGestureDetector.DoublePressMilliseconds));
        Assert.Equal(ButtonGesture.ShortPress, detector.Sample(false, 230 + ButtonGestureDetector.DoublePressMilliseconds + 1));
        Assert.Equal(ButtonGesture.None, detector.Sample(false, 1000));
    }

    [Fact]
    public void MD7_AShortPressHeldBackIsDroppedWhenTheSessionItMeantEnds()
    {
        detector.DoublePressArmed = true;
        ShortPress(detector, 100, 200);

        detector.DoublePressArmed = false;
        for (long now = 250; now < 2000; now += 20)
        {
            Assert.Equal(ButtonGesture.None, detector.Sample(false, now));
        }
    }

    [Fact]
    public void Button_AButtonHeldAtBootGivesNoGestureUntilLetGo()
    {
        ButtonGestureDetector held = new();
        Assert.Equal(ButtonGesture.None, held.Sample(true, 0));
        Assert.True(held.IsPressed);
        for (long now = 20; now <= 4000; now += 20)
        {
            Assert.Equal(ButtonGesture.None, held.Sample(true, now));
        }

        held.Sample(false, 4100);
        Assert.Equal(ButtonGesture.None, held.Sample(false, 4130));

        Assert.Equal(ButtonGesture.ShortPress, ShortPress(held, 5000, 5100));
    }

    [Fact]
    public void MD7_AfterADoublePressNothingMoreIsReportedUntilTheNextPress()
    {
        detector.DoublePressArmed = true;
        Assert.Equal(ButtonGesture.None, ShortPress(detector, 100, 200));
        Assert.Equal(ButtonGesture.DoublePress, ShortPress(detector, 300, 400));

        for (long now = 450; now < 2500; now += 20)
        {
            Assert.Equal(ButtonGesture.None, detector.Sample(false, now));
        }
    }

    [Fact]
    public void MD7_TheReleaseOfAHoldIsNoShortPressEvenWithTheDoublePressArmed()
    {
        detector.DoublePressArmed = true;
        detector.Sample(true, 100);
        detector.Sample(true, 130);
        Assert.Equal(ButtonGesture.Hold, detector.Sample(true, 100 + ButtonGestureDetector.HoldMilliseconds));
        detector.Sample(false, 1300);

        for (long now = 1320; now < 3500; now += 20)
        {
            Assert.Equal(ButtonGesture.None, detector.Sample(false, now));
        }
    }

    /// <summary>Presses the button at <paramref name="pressAt"/> and lets it go at <paramref name="releaseAt"/>, each
    /// contact held stable for the 30 ms debounce.</summary>
    /// <returns>The gesture reported when the release has debounced.</returns>
    private static ButtonGesture ShortPress(ButtonGestureDetector button, long pressAt, long releaseAt)
    {
        button.Sample(true, pressAt);
        button.Sample(true, pressAt + ButtonGestureDetector.DebounceMilliseconds);
        button.Sample(false, releaseAt);
        return button.Sample(false, releaseAt + ButtonGestureDetector.DebounceMilliseconds);
    }
}
