using System;
using Wand.Core.Board;
using Xunit;

namespace Wand.Simulation.Tests;

public class DeterminismAndAllocationTests
{
    private static (long Checksum, double Speed, double Temperature, double Volts) Script(ulong seed)
    {
        VirtualBoard board = new(BoardProfile.CreateDefault(), new VirtualBoardOptions { Seed = seed, MotorSpread = 0.25 });
        TestFirmware firmware = null!;
        VirtualWand wand = new(board, b => firmware = new TestFirmware(b.Io));
        board.PressButton(100, 200);
        wand.RunFor(5_000);
        board.AttachHead(board.Profile.Heads[1]);
        board.ForceHeadTemperature(30);
        wand.RunFor(5_000);
        return (firmware.Checksum, board.Motor.SpeedRpm, board.Thermal.TemperatureCelsius, board.Cell.TerminalVolts);
    }

    [Fact]
    public void SameSeed_GivesIdenticalRuns_DifferentSeedsDiffer()
    {
        Assert.Equal(Script(11), Script(11));
        Assert.NotEqual(Script(11), Script(12));
    }

    [Fact]
    public void PhysicsStep_OneAndFiveMilliseconds_AgreeOnASessionLikeDrive()
    {
        VirtualBoard fine = new(BoardProfile.CreateDefault(), new VirtualBoardOptions { PhysicsStepMilliseconds = 1, AdcNoiseMillivolts = 0 });
        VirtualBoard coarse = new(BoardProfile.CreateDefault(), new VirtualBoardOptions { PhysicsStepMilliseconds = 5, AdcNoiseMillivolts = 0 });
        double largestSpeedGap = 0;
        for (int tick = 0; tick < 3_000; tick++)
        {
            // A kick, a ramp and a pulse pattern, written once per 20 ms tick as the firmware does.
            float duty = tick % 400 < 3 ? 0.77f : (tick % 400 < 200 ? Math.Min(0.75f, 0.3f + (tick % 400 * 0.005f)) : (tick % 50 < 25 ? 0.7f : 0.2f));
            fine.MotorOutput.SetDutyCycle(duty);
            coarse.MotorOutput.SetDutyCycle(duty);
            fine.Step(20);
            coarse.Step(20);
            largestSpeedGap = Math.Max(largestSpeedGap, Math.Abs(fine.Motor.SpeedRpm - coarse.Motor.SpeedRpm));
        }

        Assert.True(largestSpeedGap < 150, $"speeds differ by up to {largestSpeedGap:F0} rpm");
        Assert.Equal(fine.Thermal.TemperatureCelsius, coarse.Thermal.TemperatureCelsius, 2);
        Assert.Equal(fine.Cell.TerminalVolts, coarse.Cell.TerminalVolts, 3);
    }

    [Fact]
    public void MD4_BoardStep_AllocatesNothingInSteadyState()
    {
        VirtualBoard board = new(BoardProfile.CreateDefault(), new VirtualBoardOptions { MotorSpread = 0.25 });
        board.MotorOutput.SetDutyCycle(0.7f);
        Exercise(board, 200);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(board, 5_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void MD4_VirtualWandRun_AllocatesNothingInSteadyState()
    {
        VirtualBoard board = new(BoardProfile.CreateDefault());
        VirtualWand wand = new(board, b => new TestFirmware(b.Io));
        board.PressButton(100);
        wand.RunFor(2_000);
        wand.RunUntil(w => false, 20);

        long before = GC.GetAllocatedBytesForCurrentThread();
        wand.RunFor(60_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(board.Motor.IsRunning);
        Assert.Equal(0, allocated);
    }

    private static void Exercise(VirtualBoard board, int ticks)
    {
        for (int tick = 0; tick < ticks; tick++)
        {
            board.Step(SafetyLimits.ControlTickMilliseconds);
            board.Io.HeadId.ReadCounts();
            board.Io.HeadTemperature.ReadCounts();
            board.Io.Battery.ReadCounts();
            _ = board.Io.Button.IsActive;
            board.Io.Watchdog.Feed();
            board.Io.Motor.SetDutyCycle(tick % 100 < 50 ? 0.7f : 0.5f);
        }
    }
}
