using System;

namespace Wand.Simulation;

/// <summary>
/// Arms adapters to throw <see cref="SimulatedHardwareException"/> on their next calls (SR-12) and holds the
/// control-loop stall request (SR-10) that <see cref="VirtualWand"/> honours.
/// </summary>
public sealed class AdapterFaultInjector
{
    private const int AdapterCount = 11;

    private readonly int[] pendingThrows = new int[AdapterCount];
    private readonly long[] thrown = new long[AdapterCount];
    private int armedTotal;

    /// <summary>Gets the remaining milliseconds of an injected control-loop stall, 0 when none.</summary>
    public long StallRemainingMilliseconds { get; private set; }

    /// <summary>Gets the total number of injected exceptions thrown so far.</summary>
    public long ThrownCount { get; private set; }

    /// <summary>Makes an adapter throw on its next calls.</summary>
    /// <param name="adapter">The adapter.</param>
    /// <param name="calls">How many consecutive calls throw, 1 to <see cref="int.MaxValue"/>.</param>
    public void ThrowOnNextCalls(AdapterKind adapter, int calls = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        int index = Index(adapter);
        armedTotal += calls - pendingThrows[index];
        pendingThrows[index] = calls;
    }

    /// <summary>Disarms every adapter and ends any stall.</summary>
    public void Clear()
    {
        Array.Clear(pendingThrows);
        armedTotal = 0;
        StallRemainingMilliseconds = 0;
    }

    /// <summary>Gets how many calls of an adapter are still armed to throw.</summary>
    /// <param name="adapter">The adapter.</param>
    /// <returns>Remaining throwing calls, 0 or more.</returns>
    public int PendingThrows(AdapterKind adapter) => pendingThrows[Index(adapter)];

    /// <summary>Gets how many injected exceptions an adapter has thrown.</summary>
    /// <param name="adapter">The adapter.</param>
    /// <returns>The count.</returns>
    public long ThrownBy(AdapterKind adapter) => thrown[Index(adapter)];

    /// <summary>Stalls the control loop: no control ticks for this long, while physics and the liveness timer run on (SR-10).</summary>
    /// <param name="milliseconds">Stall length, 1 ms or more.</param>
    public void StallControlLoop(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, 1);
        StallRemainingMilliseconds = milliseconds;
    }

    /// <summary>Called by every simulated adapter on entry; throws when that adapter is armed.</summary>
    /// <param name="adapter">The adapter being called.</param>
    /// <exception cref="SimulatedHardwareException">The adapter was armed.</exception>
    internal void ThrowIfArmed(AdapterKind adapter)
    {
        if (armedTotal == 0)
        {
            return;
        }

        int index = (int)adapter;
        if (pendingThrows[index] > 0)
        {
            pendingThrows[index]--;
            armedTotal--;
            thrown[index]++;
            ThrownCount++;
            throw new SimulatedHardwareException(adapter);
        }
    }

    /// <summary>Consumes stall time as virtual time passes.</summary>
    /// <param name="milliseconds">Elapsed virtual milliseconds.</param>
    internal void ConsumeStall(long milliseconds)
    {
        StallRemainingMilliseconds = Math.Max(0, StallRemainingMilliseconds - milliseconds);
    }

    private static int Index(AdapterKind adapter)
    {
        int index = (int)adapter;
        if (index < 0 || index >= AdapterCount)
        {
            throw new ArgumentOutOfRangeException(nameof(adapter), adapter, "Unknown adapter.");
        }

        return index;
    }
}
