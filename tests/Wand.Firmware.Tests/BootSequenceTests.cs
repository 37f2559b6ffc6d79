using Wand.Core.Board;
using Wand.Core.Control;
using Xunit;

namespace Wand.Firmware.Tests;

public class BootSequenceTests
{
    [Fact]
    public void SR1_Run_TakesMotorLineFirst_ThenAdaptersCoreRadio()
    {
        var platform = new RecordingPlatform();

        BootOutcome outcome = new BootSequence(platform).Run(BoardProfile.CreateDefault());

        Assert.Equal(new[] { "motor", "adapters", "core", "radio" }, platform.Calls);
        Assert.Equal(BootStage.Running, outcome.ReachedStage);
        Assert.Equal(BootFault.None, outcome.Fault);
        Assert.True(outcome.CanRun);
        Assert.Equal(BoardProfile.CreateDefault().MotorPwmPin, platform.MotorPin);
    }

    [Fact]
    public void SR1_Run_MotorOutputUnavailable_StopsBeforeAnyOtherHardware()
    {
        var platform = new RecordingPlatform { MotorUnavailable = true };

        BootOutcome outcome = new BootSequence(platform).Run(BoardProfile.CreateDefault());

        Assert.Equal(new[] { "motor" }, platform.Calls);
        Assert.Equal(BootFault.MotorOutputUnavailable, outcome.Fault);
        Assert.False(outcome.CanRun);
        Assert.Null(outcome.Core);
    }

    [Fact]
    public void Run_InvalidPinMap_HoldsMotorOffAndOpensNoAdapters()
    {
        var platform = new RecordingPlatform();
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.HeadIdAdcChannel = 12; // an ADC2 channel

        BootOutcome outcome = new BootSequence(platform).Run(profile);

        Assert.Equal(new[] { "motor" }, platform.Calls);
        Assert.Equal(BootFault.BoardProfileInvalid, outcome.Fault);
        Assert.Equal(ProfileProblem.AdcChannelNotAdc1, outcome.ProfileProblem);
        Assert.Equal(new[] { 0f }, platform.Motor.Writes); // opened at 0, never written again (SR-2)
        Assert.False(outcome.CanRun);
    }

    [Fact]
    public void Run_AdapterThrows_HoldsMotorOffAndCreatesNoCore()
    {
        var platform = new RecordingPlatform { AdaptersThrow = true };

        BootOutcome outcome = new BootSequence(platform).Run(BoardProfile.CreateDefault());

        Assert.Equal(new[] { "motor", "adapters" }, platform.Calls);
        Assert.Equal(BootFault.AdaptersUnavailable, outcome.Fault);
        Assert.Equal(new[] { 0f }, platform.Motor.Writes); // opened at 0, never written again (SR-2)
        Assert.False(outcome.CanRun);
    }

    [Fact]
    public void Run_CoreThrows_HoldsMotorOffAndStartsNoRadio()
    {
        var platform = new RecordingPlatform { CoreThrows = true };

        BootOutcome outcome = new BootSequence(platform).Run(BoardProfile.CreateDefault());

        Assert.Equal(new[] { "motor", "adapters", "core" }, platform.Calls);
        Assert.Equal(BootFault.CoreUnavailable, outcome.Fault);
        Assert.Equal(new[] { 0f }, platform.Motor.Writes); // opened at 0, never written again (SR-2)
        Assert.False(outcome.CanRun);
    }

    [Fact]
    public void Run_RadioThrows_DegradesToButtonOnlyOperation()
    {
        var platform = new RecordingPlatform { RadioThrows = true };

        BootOutcome outcome = new BootSequence(platform).Run(BoardProfile.CreateDefault());

        Assert.Equal(BootFault.RadioUnavailable, outcome.Fault);
        Assert.Equal(BootStage.Core, outcome.ReachedStage);
        Assert.True(outcome.CanRun);
        Assert.NotNull(outcome.Core);
    }

    [Fact]
    public void SR2_Run_NeverWritesTheMotorOutputItself()
    {
        var platform = new RecordingPlatform();

        new BootSequence(platform).Run(BoardProfile.CreateDefault());

        // The only write is the platform's duty 0 when it opens the output; the boot sequence adds none.
        Assert.Equal(new[] { 0f }, platform.Motor.Writes);
    }
}
