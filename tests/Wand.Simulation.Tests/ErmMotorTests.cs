using System;
using Xunit;

namespace Wand.Simulation.Tests;

public class ErmMotorTests
{
    private static readonly ErmMotorParameters Nominal = ErmMotorParameters.Nominal;

    private static ErmMotor RunAt(ErmMotor motor, double volts, int milliseconds)
    {
        for (int step = 0; step < milliseconds; step++)
        {
            motor.Step(volts);
        }

        return motor;
    }

    [Fact]
    public void Step_BelowStartVoltageFromStandstill_RotorStaysStill()
    {
        ErmMotor motor = RunAt(new ErmMotor(Nominal, 1), Nominal.StartVolts - 0.02, 2000);

        Assert.False(motor.IsRunning);
        Assert.Equal(0, motor.SpeedRpm);
        Assert.Equal(0, motor.AmplitudeG);
    }

    [Fact]
    public void Step_AtStartVoltage_RotorBreaksAwayAndSettlesAtGainTimesExcessVoltage()
    {
        ErmMotor motor = RunAt(new ErmMotor(Nominal, 1), Nominal.StartVolts, 1000);

        Assert.True(motor.IsRunning);
        double expected = Nominal.SpeedGainRpmPerVolt * (Nominal.StartVolts - Nominal.SustainVolts);
        Assert.Equal(expected, motor.SpeedRpm, 0.5);
    }

    [Fact]
    public void Step_SpinningMotorBetweenSustainAndStart_KeepsRunning_WhileStandingMotorDoesNotStart()
    {
        double between = (Nominal.StartVolts + Nominal.SustainVolts) / 2;
        ErmMotor spinning = RunAt(new ErmMotor(Nominal, 1), 3.0, 500);
        RunAt(spinning, between, 2000);
        ErmMotor standing = RunAt(new ErmMotor(Nominal, 1), between, 2000);

        Assert.True(spinning.IsRunning);
        Assert.Equal(Nominal.SpeedGainRpmPerVolt * (between - Nominal.SustainVolts), spinning.SpeedRpm, 0.5);
        Assert.False(standing.IsRunning);
    }

    [Fact]
    public void Step_BelowSustainVoltage_SpinningRotorRunsDownAndStops()
    {
        ErmMotor motor = RunAt(new ErmMotor(Nominal, 1), 3.0, 500);
        RunAt(motor, Nominal.SustainVolts - 0.05, 40);
        Assert.True(motor.IsRunning, "the rotor coasts down with its time constant, it does not stop at once");

        RunAt(motor, Nominal.SustainVolts - 0.05, 1000);
        Assert.False(motor.IsRunning);
        Assert.Equal(0, motor.SpeedRpm);
    }

    [Fact]
    public void Step_VoltageStep_FollowsFirstOrderResponse()
    {
        double tau = Nominal.TimeConstantMilliseconds;
        double target = Nominal.SteadyStateSpeedRpm(3.0);
        ErmMotor motor = new(Nominal, 1);

        RunAt(motor, 3.0, (int)tau);
        Assert.Equal(1 - Math.Exp(-1), motor.SpeedRpm / target, 3);
        RunAt(motor, 3.0, (int)tau);
        Assert.Equal(1 - Math.Exp(-2), motor.SpeedRpm / target, 3);
        RunAt(motor, 3.0, (int)(3 * tau));
        Assert.True(motor.SpeedRpm / target > 0.99);
    }

    [Fact]
    public void Step_ExactDiscretisation_GivesTheSameSpeedForAnyStepSize()
    {
        ErmMotor fine = RunAt(new ErmMotor(Nominal, 1), 2.8, 100);
        ErmMotor coarse = RunAt(new ErmMotor(Nominal, 20), 2.8, 5);

        Assert.Equal(fine.SpeedRpm, coarse.SpeedRpm, 6);
    }

    [Theory]
    [InlineData(2.4, 3.0)]
    [InlineData(2.0, 2.8)]
    [InlineData(1.6, 3.0)]
    public void AmplitudeG_IsProportionalToSpeedSquared(double lowVolts, double highVolts)
    {
        ErmMotor low = RunAt(RunAt(new ErmMotor(Nominal, 1), 3.0, 300), lowVolts, 1000);
        ErmMotor high = RunAt(new ErmMotor(Nominal, 1), highVolts, 1000);

        double speedRatio = high.SpeedRpm / low.SpeedRpm;
        Assert.Equal(speedRatio * speedRatio, high.AmplitudeG / low.AmplitudeG, 6);
        Assert.Equal(Nominal.ReferenceAmplitudeG, Nominal.AmplitudeAt(Nominal.ReferenceSpeedRpm), 9);
    }

    [Fact]
    public void CurrentAmperes_StalledIsVoltsOverResistance_RunningAtRatedIsCoinMotorRunningCurrent()
    {
        ErmMotor stalled = RunAt(new ErmMotor(Nominal, 1), 1.0, 10);
        ErmMotor running = RunAt(new ErmMotor(Nominal, 1), 3.0, 1000);

        Assert.Equal(1.0 / Nominal.TerminalResistanceOhms, stalled.CurrentAmperes, 9);
        Assert.InRange(running.CurrentAmperes, 0.045, 0.075);
        Assert.InRange(running.FrequencyHertz, 150, 220);
    }

    [Fact]
    public void Draw_Spread25Percent_KeepsStartGainAndTimeConstantWithin25PercentAndVariesThem()
    {
        double minimumStart = double.MaxValue;
        double maximumStart = double.MinValue;
        for (ulong seed = 0; seed < 500; seed++)
        {
            ErmMotorParameters unit = Nominal.Draw(new SimulationRandom(seed), 0.25);
            unit.Validate();
            Assert.InRange(unit.StartVolts / Nominal.StartVolts, 0.75, 1.25);
            Assert.InRange(unit.SpeedGainRpmPerVolt / Nominal.SpeedGainRpmPerVolt, 0.75, 1.25);
            Assert.InRange(unit.TimeConstantMilliseconds / Nominal.TimeConstantMilliseconds, 0.75, 1.25);
            Assert.True(unit.SustainVolts < unit.StartVolts);
            minimumStart = Math.Min(minimumStart, unit.StartVolts);
            maximumStart = Math.Max(maximumStart, unit.StartVolts);
        }

        Assert.True(maximumStart - minimumStart > 0.8 * Nominal.StartVolts * 0.5, "draws cover most of the ±25 % range");
    }

    [Fact]
    public void Population_EveryMotorStartsAtTheRatedThreeVolts_ButNotEveryOneAtTwoPointFive()
    {
        int startedAtTwoPointFive = 0;
        for (ulong seed = 0; seed < 300; seed++)
        {
            VirtualBoard board = new(Wand.Core.Board.BoardProfile.CreateDefault(), new VirtualBoardOptions { Seed = seed, MotorSpread = 0.25, BatteryVolts = 4.0 });
            Assert.True(board.Motor.Parameters.StartVolts <= 2.75 + 1e-9);

            board.MotorOutput.SetDutyCycle((float)(2.5 / board.Cell.TerminalVolts));
            board.Step(200);
            startedAtTwoPointFive += board.Motor.IsRunning ? 1 : 0;
            board.MotorOutput.SetDutyCycle((float)(3.0 / board.Cell.TerminalVolts));
            board.Step(200);
            Assert.True(board.Motor.IsRunning, $"seed {seed}: start {board.Motor.Parameters.StartVolts:F2} V");
        }

        Assert.InRange(startedAtTwoPointFive, 150, 299);
    }

    [Fact]
    public void Draw_SameSeed_SameUnit()
    {
        Assert.Equal(Nominal.Draw(new SimulationRandom(42), 0.25), Nominal.Draw(new SimulationRandom(42), 0.25));
        Assert.NotEqual(Nominal.Draw(new SimulationRandom(42), 0.25), Nominal.Draw(new SimulationRandom(43), 0.25));
    }

    [Fact]
    public void Validate_SustainAboveStart_NamesTheParameter()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new ErmMotor(Nominal with { SustainVolts = 3 }, 1));
        Assert.Contains("SustainVolts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accelerometer_ReadsAmplitudeWithBoundedNoise_StuckFreezes_NoisyScatters()
    {
        ErmMotor motor = RunAt(new ErmMotor(Nominal, 1), 3.0, 500);
        HeadAccelerometer accelerometer = new(motor, new SimulationRandom(7), 0.01);

        for (int read = 0; read < 1000; read++)
        {
            Assert.InRange(accelerometer.ReadAmplitudeG(), motor.AmplitudeG - 0.035, motor.AmplitudeG + 0.035);
        }

        accelerometer.Fault = AccelerometerFault.Stuck;
        double stuck = accelerometer.ReadAmplitudeG();
        RunAt(motor, 0, 1000);
        Assert.Equal(stuck, accelerometer.ReadAmplitudeG());

        accelerometer.Fault = AccelerometerFault.Noisy;
        double spread = 0;
        for (int read = 0; read < 1000; read++)
        {
            spread = Math.Max(spread, accelerometer.ReadAmplitudeG());
        }

        Assert.True(spread > 0.1, "a noisy accelerometer reads well above a stopped motor");
    }

    [Fact]
    public void LevelAmplitudes_TopAmplitude_IsTheNominalMotorAtTheNominalTopVoltage()
    {
        double amplitude = Nominal.AmplitudeAt(Nominal.SteadyStateSpeedRpm(Wand.Core.Board.LevelAmplitudes.NominalTopLevelVolts));

        Assert.Equal(Wand.Core.Board.LevelAmplitudes.TopAmplitudeG, amplitude, 12);
    }

    [Fact]
    public void LevelAmplitudes_WeakestMotorOfThePopulation_ReachesTheTopBelowTheRatedVoltage()
    {
        ErmMotorParameters weakest = Nominal with
        {
            StartVolts = Nominal.StartVolts * 1.25,
            SustainVolts = Nominal.SustainVolts * 1.25,
            SpeedGainRpmPerVolt = Nominal.SpeedGainRpmPerVolt * 0.75,
        };

        double volts = IdealCalibration.VoltsFor(weakest, Wand.Core.Board.LevelAmplitudes.TopAmplitudeG);

        Assert.InRange(volts, 2.9, Wand.Core.Board.SafetyLimits.DefaultRatedMotorMillivolts / 1000.0);
    }
}
