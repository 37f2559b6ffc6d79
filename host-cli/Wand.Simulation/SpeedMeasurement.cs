using System;
using System.Diagnostics;
using Wand.Core.Board;
using Wand.Protocol.Vocabulary;

namespace Wand.Simulation;

/// <summary>
/// Rerunnable speed measurements of the simulation (hardware/requirements.md, targets: ≥ 10,000 × real time, a 15-minute session in
/// under 100 ms). Timing figures belong in a benchmark run, not in a test; call these from a Release build.
/// </summary>
public static class SpeedMeasurement
{
    /// <summary>Length of the brief's reference session, in milliseconds (15 minutes).</summary>
    public const long FifteenMinutes = 15 * 60 * 1000;

    /// <summary>
    /// Measures the board's physics alone: the board steps one control tick at a time and the three ADC channels are
    /// read each tick, with the motor driven at a fixed duty.
    /// </summary>
    /// <param name="options">Board options; <c>null</c> for a typical unit.</param>
    /// <param name="virtualMilliseconds">Virtual time to simulate, in milliseconds (a multiple of 20).</param>
    /// <returns>The measurement.</returns>
    public static SpeedReport MeasureBoard(VirtualBoardOptions? options, long virtualMilliseconds)
    {
        VirtualBoard board = new(BoardProfile.CreateDefault(), options);
        board.MotorOutput.SetDutyCycle(0.7f);
        const int tick = SafetyLimits.ControlTickMilliseconds;
        long ticks = virtualMilliseconds / tick;
        StepTicks(board, 100);

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        StepTicks(board, ticks);
        double wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new SpeedReport(ticks * tick, ticks, ticks * tick / board.StepMilliseconds, wall, allocated);
    }

    /// <summary>
    /// Measures the real firmware on the virtual board through a full session: boot, a button press, the session set
    /// to the given length, then running until it has ended on its own. Boot and session start are outside the timing.
    /// </summary>
    /// <param name="boardOptions">Board options; <c>null</c> for a typical unit.</param>
    /// <param name="sessionMilliseconds">Session length to simulate, 60,000 to 900,000 ms (15 minutes is the brief's case).</param>
    /// <returns>The measurement of the session's virtual time.</returns>
    public static SpeedReport MeasureSession(VirtualBoardOptions? boardOptions, long sessionMilliseconds = FifteenMinutes)
    {
        VirtualWand wand = VirtualWand.Create(boardOptions: boardOptions);
        wand.RunFor(200);
        if (wand.Controller!.UpdateSettings((int)(sessionMilliseconds / 1000), 2, PatternKind.Continuous) != CommandResult.Success)
        {
            throw new ArgumentOutOfRangeException(nameof(sessionMilliseconds), sessionMilliseconds, "The firmware refused this session length.");
        }

        wand.Board.PressButton(100);
        wand.RunFor(400);

        long ticksBefore = wand.TickCount;
        long virtualBefore = wand.Now;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        wand.RunFor(sessionMilliseconds);
        double wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long elapsed = wand.Now - virtualBefore;
        return new SpeedReport(elapsed, wand.TickCount - ticksBefore, elapsed / wand.Board.StepMilliseconds, wall, allocated);
    }

    private static void StepTicks(VirtualBoard board, long ticks)
    {
        for (long index = 0; index < ticks; index++)
        {
            board.Step(SafetyLimits.ControlTickMilliseconds);
            board.Io.HeadId.ReadCounts();
            board.Io.HeadTemperature.ReadCounts();
            board.Io.Battery.ReadCounts();
        }
    }
}
