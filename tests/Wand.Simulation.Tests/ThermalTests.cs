using System;
using Wand.Core.Board;
using Xunit;

namespace Wand.Simulation.Tests;

public class ThermalTests
{
    private static readonly BoardProfile Profile = BoardProfile.CreateDefault();

    private static VirtualBoard IdealBoard(int step = 1, double ambient = 25) => new(Profile, new VirtualBoardOptions
    {
        AmbientCelsius = ambient,
        AdcError = false,
        AdcNoiseMillivolts = 0,
        Tolerances = SensorTolerances.Exact,
        PhysicsStepMilliseconds = step,
    });

    // The inverse of the divider and Beta equation, written independently of the model under test.
    private static double CelsiusFromCounts(int counts, ThermistorParameters ntc)
    {
        double volts = AnalogScaling.CountsToMillivolts(counts) / 1000.0;
        double ohms = ntc.PullUpOhms * volts / ((AnalogScaling.RailMillivolts / 1000.0) - volts);
        double inverse = (1 / ((ntc.ReferenceMillidegrees / 1000.0) + 273.15)) + (Math.Log(ohms / ntc.NominalOhms) / ntc.BetaKelvin);
        return (1 / inverse) - 273.15;
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(38)]
    [InlineData(41)]
    [InlineData(80)]
    public void SR7_BetaEquation_RoundTripsResistanceAndTemperature(double celsius)
    {
        NtcChannel ntc = IdealBoard().HeadTemperature;

        Assert.Equal(celsius, ntc.TemperatureAt(ntc.ResistanceAt(celsius)), 9);
    }

    [Fact]
    public void SR7_BetaEquation_MatchesTheDatasheetPoints()
    {
        NtcChannel ntc = IdealBoard().HeadTemperature;

        Assert.Equal(10000, ntc.ResistanceAt(25), 6);
        // 10 kΩ, β 3950 K at 0 °C: 10 kΩ · e^(3950 · (1/273.15 − 1/298.15)) ≈ 33.6 kΩ.
        Assert.InRange(ntc.ResistanceAt(0), 33500, 33700);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(39)]
    [InlineData(41)]
    [InlineData(60)]
    public void SR7_ForcedTemperature_ReadsBackThroughDividerAndAdcWithinQuarterDegree(double celsius)
    {
        VirtualBoard board = IdealBoard();
        board.ForceHeadTemperature(celsius);

        Assert.Equal(celsius, CelsiusFromCounts(board.Io.HeadTemperature.ReadCounts(), Profile.Thermistor), 0.25);
    }

    [Fact]
    public void SR7_OpenAndShortedNtc_ReadFullScaleAndZero()
    {
        VirtualBoard board = IdealBoard();
        board.InjectFault("open-ntc");
        Assert.Equal(4095, board.Io.HeadTemperature.ReadCounts());
        board.InjectFault("shorted-ntc");
        Assert.Equal(0, board.Io.HeadTemperature.ReadCounts());
        board.InjectFault("ntc-ok");
        Assert.Equal(25, CelsiusFromCounts(board.Io.HeadTemperature.ReadCounts(), Profile.Thermistor), 0.25);
    }

    [Fact]
    public void SR7_StuckNtc_KeepsItsReadingWhileTheHeadWarms()
    {
        VirtualBoard board = IdealBoard();
        board.InjectFault("stuck-ntc");
        int stuck = board.Io.HeadTemperature.ReadCounts();
        board.ForceHeadTemperature(45);

        Assert.Equal(stuck, board.Io.HeadTemperature.ReadCounts());
        board.HeadTemperature.Fault = NtcFault.None;
        Assert.NotEqual(stuck, board.Io.HeadTemperature.ReadCounts());
    }

    [Fact]
    public void HeadThermalModel_ConstantMotorPower_WarmsTowardsAmbientPlusPowerTimesResistance()
    {
        VirtualBoard board = IdealBoard(step: 20, ambient: 32);
        board.MotorOutput.SetDutyCycle(3.0f / 3.9f);
        board.Step((long)(board.Thermal.Parameters.TimeConstantSeconds * 1000));
        double afterOneTimeConstant = board.Thermal.TemperatureCelsius;
        board.Step((long)(board.Thermal.Parameters.TimeConstantSeconds * 8000));

        // The cell discharges slowly, so the power drifts down; the head tracks the present power's steady state.
        double watts = board.Thermal.HeatingWatts;
        double expected = 32 + (watts * board.Thermal.Parameters.ResistanceKelvinPerWatt);
        Assert.InRange(watts, 0.05, 0.3);
        Assert.Equal(expected, board.Thermal.TemperatureCelsius, 0.1);
        Assert.InRange(afterOneTimeConstant - 32, 0.55 * (expected - 32), 0.7 * (expected - 32));
        Assert.True(board.Thermal.TemperatureCelsius > 39, "at skin-contact ambient a full-drive motor can reach the derating range");
    }

    [Fact]
    public void SetAmbientCelsius_HeadFollowsWithItsTimeConstant()
    {
        VirtualBoard board = IdealBoard(step: 20);
        board.SetAmbientCelsius(35);
        board.Step((long)(board.Thermal.Parameters.TimeConstantSeconds * 1000));

        Assert.Equal(35 - (10 * Math.Exp(-1)), board.Thermal.TemperatureCelsius, 0.05);
    }

    [Fact]
    public void HeadThermalModel_MotorOff_CoolsBackToAmbient()
    {
        VirtualBoard board = IdealBoard(step: 20);
        board.Thermal.TemperatureCelsius = 45;
        board.Step((long)(board.Thermal.Parameters.TimeConstantSeconds * 1000));

        Assert.Equal(25 + (20 * Math.Exp(-1)), board.Thermal.TemperatureCelsius, 0.05);
    }
}
