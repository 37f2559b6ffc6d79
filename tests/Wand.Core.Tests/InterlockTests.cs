using Wand.Core.Board;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class InterlockTests
{
    [Fact]
    public void SR6_NoDriveWithoutAConfirmedHead()
    {
        TestBench bench = new();
        bench.SetHead(HeadIdentity.None);
        bench.Run(400);
        Assert.Equal(CommandResult.NoHead, bench.Controller.StartRemote(2, PatternKind.Continuous, 600));
        bench.SetHead(HeadIdentity.Unknown);
        bench.Run(400);
        Assert.Equal(CommandResult.NoHead, bench.Controller.StartRemote(2, PatternKind.Continuous, 600));
        Assert.All(bench.Motor.Writes, duty => Assert.Equal(0f, duty));
    }

    [Theory]
    [InlineData(HeadIdentity.None, FaultCode.HeadRemoved)]
    [InlineData(HeadIdentity.Unknown, FaultCode.HeadUnknown)]
    [InlineData(HeadIdentity.Shorted, FaultCode.HeadShorted)]
    [InlineData(HeadIdentity.RidgedWave, FaultCode.HeadUnknown)]
    public void SR6_BadHeadReadingStopsTheMotorOnTheFirstReading(HeadIdentity reading, FaultCode expected)
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(2000);
        Assert.True(bench.Motor.DutyCycle > 0);
        bench.SetHead(reading);
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(expected == FaultCode.HeadUnknown && reading == HeadIdentity.RidgedWave ? FaultCode.HeadUnknown : expected, bench.Controller.FaultLog.CodeAt(0));
    }

    [Fact]
    public void SR6_HeadIsAcceptedOnlyAfter150MillisecondsOfStableReadings()
    {
        TestBench bench = new();
        bench.SetHead(HeadIdentity.None);
        bench.Run(400);
        bench.SetHead(HeadIdentity.RidgedWave);

        // First reading at +20 ms; at +160 ms the readings have been stable for 140 ms, at +180 ms for 160 ms.
        bench.Run(160);
        Assert.Equal(HeadIdentity.None, bench.Controller.Head);
        bench.Run(20);
        Assert.Equal(HeadIdentity.RidgedWave, bench.Controller.Head);
    }

    [Fact]
    public void HD3_ABounceRestartsTheAcceptanceTimer()
    {
        TestBench bench = new();
        bench.SetHead(HeadIdentity.None);
        bench.Run(400);
        bench.SetHead(HeadIdentity.SoftDome);
        bench.Run(100);
        bench.SetHead(HeadIdentity.Unknown);
        bench.Run(20);
        bench.SetHead(HeadIdentity.SoftDome);
        bench.Run(160);
        Assert.Equal(HeadIdentity.None, bench.Controller.Head);
        bench.Run(20);
        Assert.Equal(HeadIdentity.SoftDome, bench.Controller.Head);
    }

    [Fact]
    public void SR7_DeratesLinearlyFrom39AndTripsAt41()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 5);
        bench.Run(3000);
        Assert.Equal(5f, bench.Controller.PresentLevel, 3);
        bench.SetTemperature(40.0);
        bench.Run(3000);
        Assert.True(bench.Controller.ThermalDerating);
        Assert.InRange(bench.Controller.PresentLevel, 2.2f, 2.8f);
        bench.SetTemperature(41.2);
        bench.Run(SafetyLimits.ThermalSamplePeriodMilliseconds + TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(FaultCode.OverTemperature, bench.Controller.FaultLog.CodeAt(0));
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
    }

    [Fact]
    public void SR7_RestartOnlyBelow38AfterATrip()
    {
        TestBench bench = new();
        bench.SetTemperature(41.5);
        bench.Run(400);
        Assert.Equal(CommandResult.OverTemperature, bench.Controller.StartRemote(1, PatternKind.Continuous, 600));
        bench.SetTemperature(38.5);
        bench.Run(600);
        Assert.Equal(CommandResult.OverTemperature, bench.Controller.StartRemote(1, PatternKind.Continuous, 600));
        bench.SetTemperature(37.5);
        bench.Run(600);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(1, PatternKind.Continuous, 600));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4095)]
    public void SR7_ImplausibleNtcReadingIsASensorFault(int counts)
    {
        TestBench bench = new();
        bench.BootAndStart(level: 2);
        bench.Run(2000);
        bench.Ntc.Counts = counts;
        bench.Run(SafetyLimits.ThermalSamplePeriodMilliseconds + TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(FaultCode.ThermalSensor, bench.Controller.FaultLog.CodeAt(0));
    }

    [Fact]
    public void SR8_WarnsAt355StopsAt340UnderLoadAndRestartsOnlyAt360AtRest()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(2000);
        bench.SetBatteryVolts(3.54);
        bench.Run(400);
        Assert.True(bench.Controller.BatteryWarning);
        Assert.True(bench.Motor.DutyCycle > 0);
        bench.SetBatteryVolts(3.39);
        bench.Run(400);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(FaultCode.BatteryCutoff, bench.Controller.FaultLog.CodeAt(0));
        bench.SetBatteryVolts(3.58);
        bench.Run(1000);
        Assert.Equal(CommandResult.BatteryLow, bench.Controller.StartRemote(1, PatternKind.Continuous, 600));
        bench.SetBatteryVolts(3.62);
        bench.Run(1000);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(1, PatternKind.Continuous, 600));
    }

    [Fact]
    public void SR8_BoardProfileMayRaiseButNeverLowerTheBatteryThresholds()
    {
        SafetyLimits limits = new();
        Assert.False(limits.TryTightenBattery(3500, 3300, 3600));
        Assert.True(limits.TryTightenBattery(3600, 3450, 3650));
        Assert.Equal(3450, limits.BatteryCutoffMillivolts);
    }

    [Fact]
    public void SR9_UsbPowerStopsTheMotorAndBlocksStarts()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(2000);
        bench.Usb.IsActive = true;
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(StopReason.Charging, bench.Controller.LastStopReason);
        Assert.Equal(CommandResult.Charging, bench.Controller.StartRemote(1, PatternKind.Continuous, 600));
        bench.Usb.IsActive = false;
        bench.Run(100);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(1, PatternKind.Continuous, 600));
    }

    [Fact]
    public void HD5_SkinContactLossPausesAndResumes()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        profile.SkinContactSensing = true;
        TestBench bench = new(profile: profile, withTouch: true);
        bench.BootAndStart(level: 2);
        bench.Run(2000);
        bench.Touch.IsTouching = false;
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.True(bench.Controller.SkinContactLost);
        Assert.NotEqual(SessionState.Idle, bench.Controller.SessionState);
        bench.Touch.IsTouching = true;
        bench.Run(2000);
        Assert.True(bench.Motor.DutyCycle > 0);
    }
}
