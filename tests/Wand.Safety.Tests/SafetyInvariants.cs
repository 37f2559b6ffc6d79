using System;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;

namespace Wand.Safety.Tests;

/// <summary>
/// Checks the safety invariants after every 20 ms control tick against the ground truth the test driver knows about
/// the simulated world. A violation throws with the time and what broke.
/// </summary>
public sealed class SafetyInvariants
{
    /// <summary>True head temperature above which the motor must be off (trip 41 °C plus the ±60 mV ADC error, ~2 K).</summary>
    public const double CertainlyHotCelsius = 43.5;

    private const float SlewPerTick = SafetyLimits.ControlTickMilliseconds / (float)SafetyLimits.MillisecondsPerLevelStep;

    private readonly VirtualWand wand;
    private float previousLevel;
    private long rampStartedAt;

    private const float StartRampPerTick = (float)SafetyLimits.LevelCount * SafetyLimits.ControlTickMilliseconds / SafetyLimits.SessionStartRampMilliseconds;
    private int rebootsSeen;
    private long sessionStart = -1;
    private long hotSince = -1;
    private long stallSince = -1;
    private long thrownBefore;
    private long activeSessionMilliseconds;
    private bool pausedBefore;
    private long pausedSince = -1;
    private float levelAtPause;
    private long pauseTicks;

    public SafetyInvariants(VirtualWand wand)
    {
        this.wand = wand;
    }

    /// <summary>Gets or sets a value indicating whether a known head is physically attached (ground truth).</summary>
    public bool KnownHeadAttached { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether USB power is plugged in (ground truth).</summary>
    public bool UsbPlugged { get; set; }

    /// <summary>Gets or sets the forced head temperature, or null when the thermal model runs.</summary>
    public double? ForcedCelsius { get; set; }

    /// <summary>Gets or sets when the cell voltage was last changed by the test (the firmware sees it at the next tick).</summary>
    public long BatteryChangedAt { get; set; } = long.MinValue / 2;

    /// <summary>Gets the number of ticks checked.</summary>
    public long TicksChecked { get; private set; }

    /// <summary>Gets the number of ticks at which the motor was driven.</summary>
    public long DrivenTicks { get; private set; }

    /// <summary>Gets the number of ticks checked while a session was paused (MD-7).</summary>
    public long PausedTicks { get; private set; }

    /// <summary>Gets the number of ticks checked while a routine played (MD-6), and of those in a cue.</summary>
    public long RoutineTicks { get; private set; }

    /// <summary>Gets the number of routine ticks inside a cue between steps.</summary>
    public long CueTicks { get; private set; }

    public void Check()
    {
        long now = wand.Now;
        if (wand.RebootCount != rebootsSeen)
        {
            rebootsSeen = wand.RebootCount;
            previousLevel = 0;
            sessionStart = -1;
        }

        if (wand.EscapedExceptionCount != 0)
        {
            Fail(now, "an exception escaped the firmware: " + wand.LastEscapedException);
        }

        double duty = wand.Board.MotorOutput.DutyCycle;
        bool driving = duty > 0;
        bool stalled = wand.Board.Faults.StallRemainingMilliseconds > 0;
        TrackStall(now, stalled, driving);
        if (stalled)
        {
            return;
        }

        WandController controller = wand.Controller ?? throw new InvalidOperationException("no firmware running");
        TicksChecked++;
        if (driving)
        {
            DrivenTicks++;
        }

        SafetyLimits limits = controller.Limits;

        // SR-3: the commanded average voltage, computed from the measured cell voltage, never exceeds the ceiling.
        if (controller.MotorMillivolts > limits.RatedMotorMillivolts || duty * controller.BatteryMillivolts > limits.RatedMotorMillivolts + 1)
        {
            Fail(now, $"drive above the ceiling: {controller.MotorMillivolts} mV commanded, duty {duty:F4} at {controller.BatteryMillivolts} mV measured");
        }

        // SR-3 sanity against the true cell: the ADC error allows a few percent, no more. A step change of the cell is
        // compensated from the next tick on (the duty written before it is held until then).
        if (now - BatteryChangedAt > SafetyLimits.ControlTickMilliseconds && wand.Board.MotorVolts > limits.RatedMotorMillivolts / 1000.0 * 1.08)
        {
            Fail(now, $"true motor voltage {wand.Board.MotorVolts:F3} V far above the ceiling");
        }

        // HD-4 / SR-3: never above the confirmed head's maximum level.
        HeadDefinition head = controller.HeadDefinition;
        float level = controller.PresentLevel;
        if (level > (head == null ? 0 : head.MaximumLevel) + 1e-4f)
        {
            Fail(now, $"level {level} above the head maximum ({head?.MaximumLevel ?? 0})");
        }

        // SR-4: a start from zero rises over at least 500 ms (at most the top level × tick / 500 per tick, and never
        // above the share of the top level that 500 ms allows); later increases slew at most one level per 200 ms.
        if (previousLevel <= 0f)
        {
            rampStartedAt = now - SafetyLimits.ControlTickMilliseconds;
        }

        bool inStartRamp = now - rampStartedAt <= SafetyLimits.SessionStartRampMilliseconds + SafetyLimits.ControlTickMilliseconds;
        float allowedRise = inStartRamp ? Math.Max(SlewPerTick, StartRampPerTick) : SlewPerTick;
        if (level - previousLevel > allowedRise + 1e-4f)
        {
            Fail(now, $"level rose {level - previousLevel:F4} in one tick");
        }

        if (inStartRamp && level > (SafetyLimits.LevelCount * (float)(now - rampStartedAt) / SafetyLimits.SessionStartRampMilliseconds) + 1e-3f)
        {
            Fail(now, $"level {level:F3} only {now - rampStartedAt} ms into the start ramp");
        }

        previousLevel = level;

        // SR-6: no drive unless a known head is physically attached and confirmed.
        if (driving && (!KnownHeadAttached || head == null))
        {
            Fail(now, "drive without a confirmed, attached head");
        }

        // SR-9: no drive while USB power is present.
        if (driving && UsbPlugged)
        {
            Fail(now, "drive while USB power is present");
        }

        // SR-12 / SR-13: an adapter exception in this tick leaves the motor off at its end.
        long thrown = wand.Board.Faults.ThrownCount;
        if (thrown != thrownBefore && driving)
        {
            Fail(now, "drive after an adapter exception in the same tick");
        }

        thrownBefore = thrown;
        CheckThermal(now, driving);
        CheckSession(now, controller, driving);
    }

    private void TrackStall(long now, bool stalled, bool driving)
    {
        if (!stalled)
        {
            stallSince = -1;
            return;
        }

        if (stallSince < 0)
        {
            stallSince = now;
        }

        // SR-10: the liveness timer cuts the motor once the loop has missed its deadline.
        long limit = SafetyLimits.LivenessTimeoutMilliseconds + (2 * SafetyLimits.ControlTickMilliseconds);
        if (driving && now - stallSince > limit)
        {
            Fail(now, $"motor still driven {now - stallSince} ms into a control-loop stall");
        }
    }

    private void CheckThermal(long now, bool driving)
    {
        if (ForcedCelsius is double celsius && celsius >= CertainlyHotCelsius)
        {
            if (hotSince < 0)
            {
                hotSince = now;
            }

            // SR-7 / SR-13: sampled every 250 ms, off in the tick of the sample.
            if (driving && now - hotSince > SafetyLimits.ThermalSamplePeriodMilliseconds + SafetyLimits.ControlTickMilliseconds)
            {
                Fail(now, $"drive {now - hotSince} ms after the head reached {celsius:F1} °C");
            }
        }
        else
        {
            hotSince = -1;
        }
    }

    private void CheckSession(long now, WandController controller, bool driving)
    {
        if (controller.SessionState == SessionState.Idle)
        {
            sessionStart = -1;
            activeSessionMilliseconds = 0;
            pausedBefore = false;
            return;
        }

        if (sessionStart < 0)
        {
            sessionStart = now;
        }
        else if (!controller.IsPaused)
        {
            // Session time holds while paused (MD-7): the limit counts the time the session was not paused.
            activeSessionMilliseconds += SafetyLimits.ControlTickMilliseconds;
        }

        // SR-5: no drive past the session's end or the hard maximum.
        if (driving && (controller.RemainingMilliseconds() <= 0 || activeSessionMilliseconds > controller.Limits.MaximumSessionSeconds * 1000L))
        {
            Fail(now, $"drive past the session limit ({activeSessionMilliseconds} ms of session time, {now - sessionStart} ms since the start)");
        }

        // MD-7 / SR-5: a pause never outlasts 2 minutes (plus the stop's ramp and a tick).
        if (controller.IsPaused && pausedSince >= 0 && now - pausedSince > Wand.Core.Sessions.SessionManager.MaximumPauseMilliseconds + 2_000)
        {
            Fail(now, $"paused for {now - pausedSince} ms without the session ending");
        }

        CheckPause(now, controller, driving);
        CheckRoutine(now, controller);
    }

    private void CheckPause(long now, WandController controller, bool driving)
    {
        if (controller.IsPaused && !pausedBefore)
        {
            pausedSince = now;
            pauseTicks = 0;
            levelAtPause = previousLevel > controller.PresentLevel ? previousLevel : controller.PresentLevel;
        }

        pausedBefore = controller.IsPaused;
        if (controller.IsPaused)
        {
            PausedTicks++;
        }

        if (!controller.IsPaused)
        {
            pausedSince = -1;
            return;
        }

        // MD-7: no drive while paused once the ramp-down (one level per 200 ms from the level at the pause) is over. The
        // ramp counts control ticks, not wall time: a stalled loop slews no faster afterwards (SR-4), and the liveness
        // timer covers the stall itself (SR-10).
        pauseTicks++;
        long rampDownTicks = (long)(levelAtPause * SafetyLimits.MillisecondsPerLevelStep / SafetyLimits.ControlTickMilliseconds) + 2;
        if (driving && pauseTicks > rampDownTicks)
        {
            Fail(now, $"drive {pauseTicks} ticks into a pause (ramp-down from level {levelAtPause:F2} takes {rampDownTicks} ticks)");
        }
    }

    private void CheckRoutine(long now, WandController controller)
    {
        Wand.Core.Routines.Routine routine = controller.RoutineProgress.Routine;
        if (routine == null)
        {
            return;
        }

        RoutineTicks++;
        if (controller.RoutineProgress.InCue)
        {
            CueTicks++;
        }

        // MD-6: a routine plays only within its session level, and a cue never goes above it.
        if (controller.PresentLevel > routine.HighestLevel + 1e-4f)
        {
            Fail(now, $"level {controller.PresentLevel:F2} above the routine's highest level {routine.HighestLevel}");
        }

        if (controller.RoutineProgress.InCue && controller.PresentLevel > Wand.Core.Routines.RoutineCue.Level + 1e-4f
            && controller.RoutineProgress.PhaseElapsedMilliseconds > routine.HighestLevel * SafetyLimits.MillisecondsPerLevelStep)
        {
            Fail(now, $"cue at level {controller.PresentLevel:F2}, above the cue level");
        }
    }

    private static void Fail(long now, string what)
    {
        throw new SafetyViolationException($"at {now} ms: {what}");
    }
}

public sealed class SafetyViolationException(string message) : Exception(message);
