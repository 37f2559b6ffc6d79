using System;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Protocol.Vocabulary;

namespace Wand.Simulation;

/// <summary>
/// The true average motor voltage against the SR-3 ceiling: the real firmware on one virtual board, its motor
/// calibrated as the station would (a motor too weak for the top level gets it clamped at the ceiling), a top-level
/// session run from start-up kick to steady state, and the highest true average voltage across the motor (duty cycle
/// times the cell's terminal voltage, every physics step) recorded. Used by the population test and the benchmark.
/// </summary>
public static class MotorCeilingMeasurement
{
    /// <summary>How long the top-level session runs, in milliseconds: kick, start ramp and about two seconds steady.</summary>
    public const int SessionMilliseconds = 3000;

    /// <summary>One unit's highest true motor voltage.</summary>
    /// <param name="Seed">The board's seed.</param>
    /// <param name="BatteryVolts">The cell's open-circuit voltage, in volts.</param>
    /// <param name="TopLevelMillivolts">The top level's calibrated voltage, in millivolts.</param>
    /// <param name="MaximumMotorVolts">The highest true average motor voltage of the session, in volts.</param>
    public sealed record Result(ulong Seed, double BatteryVolts, int TopLevelMillivolts, double MaximumMotorVolts);

    /// <summary>Measures one unit.</summary>
    /// <param name="seed">The board's seed (parts within the documented tolerances, motor from the ±25 % population).</param>
    /// <param name="defect">A seeded defect, e.g. <see cref="BoardDefect.WeakMotor"/>, or <see cref="BoardDefect.None"/>.</param>
    /// <param name="batteryVolts">The cell's open-circuit voltage, 3.5 to 4.2 V.</param>
    /// <returns>The highest true motor voltage.</returns>
    public static Result Measure(ulong seed, BoardDefect defect, double batteryVolts)
    {
        VirtualWand wand = VirtualWand.Create(
            BoardProfile.CreateDefault(),
            new VirtualBoardOptions { Seed = seed, MotorSpread = 0.25, SensorCalibrated = true, BatteryVolts = batteryVolts, Defect = defect });
        VirtualBoard board = wand.Board;
        Wand.Protocol.Factory.CalibrationRecord record = IdealCalibration.For(board.CalibratedMotorParameters);
        board.StoreCalibration(record);
        wand.Reboot();
        if (!wand.RunUntil(w => w.Controller!.HeadDefinition != null, 1000))
        {
            throw new InvalidOperationException($"Board {seed}: the head was not accepted.");
        }

        board.ForceHeadTemperature(25);
        wand.RunFor(600);
        WandController controller = wand.Controller!;
        CommandResult started = controller.StartRemote(SafetyLimits.LevelCount, PatternKind.Continuous, 900);
        if (started != CommandResult.Success)
        {
            throw new InvalidOperationException($"Board {seed}: no top-level session at {batteryVolts:F2} V ({started}).");
        }

        double maximum = 0;
        for (int elapsed = 0; elapsed < SessionMilliseconds; elapsed += board.StepMilliseconds)
        {
            wand.RunFor(board.StepMilliseconds);
            maximum = Math.Max(maximum, board.MotorVolts);
        }

        return new Result(seed, batteryVolts, record.LevelMillivolts(SafetyLimits.LevelCount), maximum);
    }
}
