using Wand.Core.Board;
using Wand.Core.Control;
using Xunit;

namespace Wand.Firmware.Tests;

public class BootProfileCheckTests
{
    [Fact]
    public void Check_DefaultProfile_IsUsable()
    {
        Assert.Equal(ProfileProblem.None, BootProfileCheck.Check(BoardProfile.CreateDefault()));
    }

    [Fact]
    public void Check_DefaultProfileWithSkinContactSensing_IsUsable()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.SkinContactSensing = true;

        Assert.Equal(ProfileProblem.None, BootProfileCheck.Check(profile));
    }

    [Theory]
    [InlineData(34)]
    [InlineData(39)]
    [InlineData(6)]
    [InlineData(20)]
    [InlineData(40)]
    public void Check_MotorOnPinThatCannotDrive_IsRefused(int pin)
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.MotorPwmPin = pin;

        Assert.Equal(ProfileProblem.MotorPinNotOutput, BootProfileCheck.Check(profile));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(15)]
    public void SR1_Check_MotorOnPinThatTogglesAtBoot_IsRefused(int pin)
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.MotorPwmPin = pin;

        Assert.Equal(ProfileProblem.MotorPinTogglesAtBoot, BootProfileCheck.Check(profile));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(19)]
    [InlineData(-1)]
    public void Check_AdcChannelOutsideExternalAdc1_IsRefused(int channel)
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.BatteryAdcChannel = channel;

        Assert.Equal(ProfileProblem.AdcChannelNotAdc1, BootProfileCheck.Check(profile));
    }

    [Fact]
    public void Check_TwoAdcRolesOnOneChannel_IsRefused()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.HeadTemperatureAdcChannel = profile.HeadIdAdcChannel;

        Assert.Equal(ProfileProblem.AdcChannelShared, BootProfileCheck.Check(profile));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(12)]
    [InlineData(7)]
    public void Check_StrapOnUnusableInput_IsRefused(int pin)
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.FactoryStrapPin = pin;

        Assert.Equal(ProfileProblem.InputPinUnusable, BootProfileCheck.Check(profile));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    [InlineData(10)]
    public void HD5_Check_TouchPadOnStrappingPinOrInvalid_IsRefusedWhenSensingIsOn(int pad)
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.SkinContactSensing = true;
        profile.TouchPadNumber = pad;

        Assert.Equal(ProfileProblem.TouchPadUnusable, BootProfileCheck.Check(profile));
    }

    [Fact]
    public void HD5_Check_TouchPadIgnoredWhenSensingIsOff()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.TouchPadNumber = 5;

        Assert.Equal(ProfileProblem.None, BootProfileCheck.Check(profile));
    }

    [Fact]
    public void Check_ButtonOnGpioBehindAnAdcChannel_IsRefusedAsShared()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.ButtonPin = BootProfileCheck.AdcChannelToGpio(profile.HeadIdAdcChannel);

        Assert.Equal(ProfileProblem.PinShared, BootProfileCheck.Check(profile));
    }

    [Fact]
    public void Check_TouchPadGpioSharedWithUsbDetect_IsRefused()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.SkinContactSensing = true;
        profile.UsbPowerPin = BootProfileCheck.TouchPadToGpio(profile.TouchPadNumber);

        Assert.Equal(ProfileProblem.PinShared, BootProfileCheck.Check(profile));
    }

    [Theory]
    [InlineData(999)]
    [InlineData(50000)]
    public void MD1_Check_PwmFrequencyOutOfRange_IsRefused(int hertz)
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.MotorPwmFrequencyHertz = hertz;

        Assert.Equal(ProfileProblem.PwmFrequencyOutOfRange, BootProfileCheck.Check(profile));
    }

    [Theory]
    [InlineData(0, 36)]
    [InlineData(3, 39)]
    [InlineData(4, 32)]
    [InlineData(7, 35)]
    public void AdcChannelToGpio_FollowsNanoFrameworkEsp32Map(int channel, int gpio)
    {
        Assert.Equal(gpio, BootProfileCheck.AdcChannelToGpio(channel));
    }
}
