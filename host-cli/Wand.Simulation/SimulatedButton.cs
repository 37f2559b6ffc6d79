using System;
using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// The user button with presses and releases scheduled in virtual time. Transitions live in a fixed array kept in
/// time order, so scheduling and applying them allocates nothing.
/// </summary>
public sealed class SimulatedButton : IDigitalInput
{
    /// <summary>Most transitions that can be pending at once.</summary>
    public const int Capacity = 64;

    private readonly AdapterFaultInjector faults;
    private readonly long[] times = new long[Capacity];
    private readonly bool[] states = new bool[Capacity];
    private int count;
    private bool pressed;

    /// <summary>Initializes a new instance of the <see cref="SimulatedButton"/> class, released.</summary>
    /// <param name="faults">Fault injection.</param>
    public SimulatedButton(AdapterFaultInjector faults)
    {
        this.faults = faults;
    }

    /// <inheritdoc />
    public bool IsActive
    {
        get
        {
            faults.ThrowIfArmed(AdapterKind.Button);
            return pressed;
        }
    }

    /// <summary>Gets whether the button is held now, without fault injection.</summary>
    public bool IsPressed => pressed;

    /// <summary>Gets the number of pending transitions.</summary>
    public int PendingCount => count;

    /// <summary>Gets the virtual time of the next pending transition, or <see cref="long.MaxValue"/> when none is pending.</summary>
    public long NextTransitionTime => count == 0 ? long.MaxValue : times[0];

    /// <summary>Gets the virtual time of the last pending transition, or <c>null</c> when none is pending.</summary>
    public long? LastPendingTime => count == 0 ? null : times[count - 1];

    /// <summary>Schedules a press and its release.</summary>
    /// <param name="atMilliseconds">Virtual time of the press, in milliseconds since boot.</param>
    /// <param name="holdMilliseconds">How long it is held, 1 ms or more.</param>
    public void SchedulePress(long atMilliseconds, long holdMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(holdMilliseconds, 1);
        if (count + 2 > Capacity)
        {
            throw new InvalidOperationException("Too many button transitions pending (at most " + Capacity + ").");
        }

        Insert(atMilliseconds, true);
        Insert(atMilliseconds + holdMilliseconds, false);
    }

    /// <summary>Sets the button at once, cancelling nothing that is scheduled.</summary>
    /// <param name="value"><c>true</c> for held.</param>
    public void Set(bool value)
    {
        pressed = value;
    }

    /// <summary>Drops every pending transition.</summary>
    public void CancelScheduled()
    {
        count = 0;
    }

    /// <summary>Applies every transition due at or before a virtual time.</summary>
    /// <param name="nowMilliseconds">Virtual time, in milliseconds.</param>
    internal void Apply(long nowMilliseconds)
    {
        if (count == 0 || times[0] > nowMilliseconds)
        {
            return;
        }

        int applied = 0;
        while (applied < count && times[applied] <= nowMilliseconds)
        {
            pressed = states[applied];
            applied++;
        }

        Array.Copy(times, applied, times, 0, count - applied);
        Array.Copy(states, applied, states, 0, count - applied);
        count -= applied;
    }

    private void Insert(long time, bool state)
    {
        int position = count;
        while (position > 0 && times[position - 1] > time)
        {
            times[position] = times[position - 1];
            states[position] = states[position - 1];
            position--;
        }

        times[position] = time;
        states[position] = state;
        count++;
    }
}
