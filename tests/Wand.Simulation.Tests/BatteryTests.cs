using System;
using Wand.Core.Board;
using Xunit;

namespace Wand.Simulation.Tests;

public class BatteryTests
{
    private static readonly BoardProfile Profile = BoardProfile.CreateDefault();

    private static VirtualBoard Board(double volts = 3.9, double internalOhms = 0.2) => new(Profile, new VirtualBoardOptions
    {
        AdcError = false,
        AdcNoiseMillivolts = 0,
        Tolerances = SensorTolerances.Exact,
        BatteryVolts = volts,
        Cell = CellParameters.Nominal with { InternalResistanceOhms = internalOhms },
    });

    [Theory]
    [InlineData(3.0)]
    [InlineData(3.4)]
    [InlineData(3.55)]
    [InlineData(3.77)]
    [InlineData(4.2)]
    public void SetOpenCircuitVolts_RoundTripsThroughStateOfCharge(double volts)
    {
        LithiumCell cell = new(CellParameters.Nominal, volts);

        Assert.Equal(volts, LithiumCell.OpenCircuitVoltsAt(cell.StateOfCharge), 9);
    }

    [Theory]
    [InlineData(2.9)]
    [InlineData(4.3)]
    [InlineData(double.NaN)]
    public void SetOpenCircuitVolts_OutsideThreeToFourPointTwo_IsRefused(double volts)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Board().SetBatteryVolts(volts));
    }

    [Fact]
    public void SR8_TerminalVoltage_SagsByCurrentTimesInternalResistanceUnderMotorLoad()
    {
        VirtualBoard board = Board(3.7, 0.3);
        board.Step(100);
        double rest = board.Cell.TerminalVolts;
        board.MotorOutput.SetDutyCycle(0.8f);
        board.Step(1000);

        double current = board.Cell.CurrentAmperes;
        double expectedSag = (current - CellParameters.Nominal.SystemCurrentAmperes) * 0.3;
        Assert.Equal(board.Cell.OpenCircuitVolts - (current * 0.3), board.Cell.TerminalVolts, 5);
        Assert.Equal(rest - expectedSag, board.Cell.TerminalVolts, 3);
        Assert.True(expectedSag > 0.01, "the motor's current visibly sags the terminal");
        Assert.Equal((double)0.8f * board.Cell.TerminalVolts, board.MotorVolts, 9);
    }

    [Fact]
    public void SR8_StalledMotor_DrawsMoreAndSagsMoreThanARunningOne()
    {
        VirtualBoard stalled = Board(3.2, 0.3);
        stalled.MotorOutput.SetDutyCycle(0.6f); // ≈ 1.9 V: below the 2.2 V start voltage.
        stalled.Step(500);
        VirtualBoard running = Board(3.2, 0.3);
        running.MotorOutput.SetDutyCycle(1f);
        running.Step(200);
        running.MotorOutput.SetDutyCycle(0.6f);
        running.Step(500);

        Assert.False(stalled.Motor.IsRunning);
        Assert.True(running.Motor.IsRunning);
        Assert.True(stalled.Cell.TerminalVolts < running.Cell.TerminalVolts);
    }

    [Fact]
    public void BatteryChannel_ReadsTerminalVoltageThroughTheProfileDivider()
    {
        VirtualBoard board = Board(4.0);
        board.Step(20);

        int millivolts = AnalogScaling.CountsToMillivolts(board.Io.Battery.ReadCounts());

        double expected = board.Cell.TerminalVolts * Profile.BatteryDividerPerMille;
        Assert.InRange(millivolts, expected - 2, expected + 2);
    }

    [Fact]
    public void LithiumCell_FifteenMinutesAtFullDrive_DrawsTheIntegratedChargeAndDischargesSlowly()
    {
        VirtualBoard board = Board(3.9);
        board.MotorOutput.SetDutyCycle(0.75f);
        double startSoc = board.Cell.StateOfCharge;
        board.Step(15 * 60 * 1000);

        double drawn = board.Cell.DrawnMilliampereHours;
        double expected = board.Cell.CurrentAmperes * 1000 * 0.25;
        Assert.InRange(drawn, expected * 0.95, expected * 1.05);
        Assert.Equal(startSoc - (drawn / CellParameters.Nominal.CapacityMilliampereHours), board.Cell.StateOfCharge, 6);
        Assert.True(board.Cell.OpenCircuitVolts < 3.9 && board.Cell.OpenCircuitVolts > 3.8);
    }

    [Fact]
    public void SR9_UsbPower_ChargesTheCellAndRaisesTheTerminalVoltage()
    {
        VirtualBoard board = Board(3.6);
        board.SetUsbPower(true);
        board.Step(60_000);

        Assert.True(board.Cell.CurrentAmperes < 0);
        Assert.True(board.Cell.OpenCircuitVolts > 3.6);
        Assert.True(board.Cell.TerminalVolts > board.Cell.OpenCircuitVolts);
        Assert.True(board.Io.UsbPower.IsActive);
    }
}
