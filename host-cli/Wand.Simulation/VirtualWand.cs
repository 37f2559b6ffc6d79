using System;
using System.Diagnostics;
using System.Threading;
using Wand.Core.Board;
using Wand.Core.Control;

namespace Wand.Simulation;

/// <summary>
/// The firmware running on a <see cref="VirtualBoard"/> in virtual time: control ticks and the liveness timer at
/// their periods, physics in between, as fast as possible or paced to real time. An injected stall suppresses ticks
/// (SR-10); a watchdog expiry reboots the firmware with the motor pin pulled low; an exception that escapes
/// <c>Tick</c> is recorded and hangs the control loop (the liveness timer runs on), as an unhandled exception would
/// stop the device's control thread. Not thread-safe: one thread runs the wand and changes its world.
/// </summary>
public sealed class VirtualWand
{
    private readonly Func<VirtualBoard, IControlLoop> boot;
    private readonly int tickMilliseconds;
    private readonly int livenessMilliseconds;
    private readonly Stopwatch pacing = new();
    private long pacingOriginVirtual;
    private long nextTick;
    private long nextLiveness;
    private bool loopHung;
    private bool timerHung;

    /// <summary>Initializes a new instance of the <see cref="VirtualWand"/> class and boots the firmware.</summary>
    /// <param name="board">The board.</param>
    /// <param name="boot">Creates the firmware on the board: called at boot and after every watchdog reset.</param>
    /// <param name="options">Tick periods and pacing; <c>null</c> for the defaults.</param>
    /// <param name="notifications">The relay the firmware's GATT notifications go to; <c>null</c> for a new one.</param>
    public VirtualWand(VirtualBoard board, Func<VirtualBoard, IControlLoop> boot, VirtualWandOptions? options = null, NotificationBroadcaster? notifications = null)
    {
        Board = board ?? throw new ArgumentNullException(nameof(board));
        Notifications = notifications ?? new NotificationBroadcaster();
        this.boot = boot ?? throw new ArgumentNullException(nameof(boot));
        Options = options ?? new VirtualWandOptions();
        Options.Validate();
        tickMilliseconds = Options.TickMilliseconds;
        livenessMilliseconds = Options.LivenessPeriodMilliseconds;
        Firmware = boot(board);
        Board.Watchdog.Restart();
        ScheduleFrom(board.Clock.Now);
    }

    /// <summary>Gets the board.</summary>
    public VirtualBoard Board { get; }

    /// <summary>Gets the running firmware controller when the wand runs the real firmware (<see cref="Create"/>), else <c>null</c>.</summary>
    public WandController? Controller => (Firmware as WandControllerLoop)?.Controller;

    /// <summary>Gets the running firmware runtime (controller and GATT server) when the wand runs the real firmware, else <c>null</c>.</summary>
    public WandRuntime? Runtime => (Firmware as WandControllerLoop)?.Runtime;

    /// <summary>Gets the relay of GATT notifications, which outlives reboots (set when created with <see cref="Create"/>).</summary>
    public NotificationBroadcaster Notifications { get; }

    /// <summary>Gets the options.</summary>
    public VirtualWandOptions Options { get; }

    /// <summary>Gets the running firmware instance (replaced at every reboot).</summary>
    public IControlLoop Firmware { get; private set; }

    /// <summary>Gets the board's virtual time, in milliseconds since the simulation began.</summary>
    public long Now => Board.Clock.Now;

    /// <summary>Gets the number of control ticks run.</summary>
    public long TickCount { get; private set; }

    /// <summary>Gets the number of ticks suppressed by an injected stall or hang.</summary>
    public long SkippedTickCount { get; private set; }

    /// <summary>Gets the number of watchdog reboots.</summary>
    public int RebootCount { get; private set; }

    /// <summary>Gets the number of exceptions that escaped the firmware's entry points (each is a firmware defect).</summary>
    public int EscapedExceptionCount { get; private set; }

    /// <summary>Gets the last exception that escaped the firmware, or <c>null</c>.</summary>
    public Exception? LastEscapedException { get; private set; }

    /// <summary>Gets or sets an observer called after every control tick (and its physics), e.g. to check invariants.</summary>
    public Action<VirtualWand>? AfterTick { get; set; }

    /// <summary>Builds a virtual wand running the real firmware (<see cref="WandController"/>) on a new virtual board.</summary>
    /// <param name="profile">The board profile; <c>null</c> for the reference board.</param>
    /// <param name="boardOptions">Seed, part populations and initial world; <c>null</c> for a typical unit.</param>
    /// <param name="options">Tick periods and pacing; <c>null</c> for the defaults.</param>
    /// <returns>The booted wand at virtual time 0.</returns>
    public static VirtualWand Create(BoardProfile? profile = null, VirtualBoardOptions? boardOptions = null, VirtualWandOptions? options = null)
    {
        VirtualBoard board = new(profile ?? BoardProfile.CreateDefault(), boardOptions);
        NotificationBroadcaster relay = new();
        return new VirtualWand(board, b => new WandControllerLoop(b, relay), options, relay);
    }

    /// <summary>Runs for a span of virtual time.</summary>
    /// <param name="milliseconds">Virtual milliseconds, 0 or more.</param>
    public void RunFor(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        RunUntilTime(Now + milliseconds, null);
    }

    /// <summary>Runs until a condition holds (checked after every control tick) or a timeout passes.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeoutMilliseconds">Longest virtual time to run, 0 or more.</param>
    /// <returns><c>true</c> when the condition held; <c>false</c> on timeout.</returns>
    public bool RunUntil(Func<VirtualWand, bool> condition, long timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfNegative(timeoutMilliseconds);
        if (condition(this))
        {
            return true;
        }

        return RunUntilTime(Now + timeoutMilliseconds, condition);
    }

    /// <summary>Resets the firmware now, as a watchdog reset or power cycle would: motor pin low, firmware rebooted, storage kept.</summary>
    public void Reboot()
    {
        Board.MotorOutput.ForceOff();
        Board.Faults.Clear();
        Board.Clock.Reboot();
        loopHung = false;
        timerHung = false;
        RebootCount++;
        Firmware = boot(Board);
        Board.Watchdog.Restart();
        ScheduleFrom(Now);
    }

    private bool RunUntilTime(long end, Func<VirtualWand, bool>? condition)
    {
        if (Options.RealTimeFactor > 0)
        {
            pacing.Restart();
            pacingOriginVirtual = Now;
        }

        while (Now < end)
        {
            long next = Math.Min(Math.Min(nextTick, nextLiveness), end);
            long span = next - Now;
            Board.Step(span);
            Board.Faults.ConsumeStall(span);

            if (Now == nextLiveness)
            {
                nextLiveness += livenessMilliseconds;
                Invoke(liveness: true);
            }

            if (Now == nextTick)
            {
                nextTick += tickMilliseconds;
                if (loopHung || Board.Faults.StallRemainingMilliseconds > 0)
                {
                    SkippedTickCount++;
                }
                else
                {
                    TickCount++;
                    Invoke(liveness: false);
                }

                AfterTick?.Invoke(this);
                if (Board.Watchdog.IsExpired && Options.RebootOnWatchdog)
                {
                    Reboot();
                }

                if (Options.RealTimeFactor > 0)
                {
                    Pace();
                }

                if (condition != null && condition(this))
                {
                    return true;
                }
            }
        }

        return condition == null;
    }

    private void Invoke(bool liveness)
    {
        if (liveness ? timerHung : loopHung)
        {
            return;
        }

        try
        {
            if (liveness)
            {
                Firmware.CheckLiveness();
            }
            else
            {
                Firmware.Tick();
            }
        }
#pragma warning disable CA1031 // An escaped exception is recorded as a firmware defect, whatever its type.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            EscapedExceptionCount++;
            LastEscapedException = exception;
            if (liveness)
            {
                timerHung = true;
            }
            else
            {
                loopHung = true;
            }
        }
    }

    private void Pace()
    {
        double dueMilliseconds = (Now - pacingOriginVirtual) / Options.RealTimeFactor;
        double waitMilliseconds = dueMilliseconds - pacing.Elapsed.TotalMilliseconds;
        if (waitMilliseconds >= 1)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(waitMilliseconds));
        }
    }

    private void ScheduleFrom(long now)
    {
        nextTick = now + tickMilliseconds;
        nextLiveness = now + livenessMilliseconds;
    }
}
