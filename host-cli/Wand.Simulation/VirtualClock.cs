using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// Virtual time since boot in milliseconds. Only the simulation advances it (<see cref="VirtualBoard.Step"/>), so a
/// run is deterministic and independent of the host's speed.
/// </summary>
public sealed class VirtualClock : IClock
{
    private readonly AdapterFaultInjector faults;
    private long now;
    private long bootTime;

    /// <summary>Initializes a new instance of the <see cref="VirtualClock"/> class at time 0.</summary>
    /// <param name="faults">Fault injection shared by the board's adapters.</param>
    public VirtualClock(AdapterFaultInjector faults)
    {
        this.faults = faults;
    }

    /// <summary>Gets the virtual milliseconds since boot as the firmware sees them; may throw when a fault is armed.</summary>
    public long MillisecondsSinceBoot
    {
        get
        {
            faults.ThrowIfArmed(AdapterKind.Clock);
            return now - bootTime;
        }
    }

    /// <summary>Gets the board's virtual time in milliseconds since the simulation began (it does not restart at a reboot).</summary>
    public long Now => now;

    /// <summary>Gets the board time of the last boot, in milliseconds.</summary>
    public long BootTime => bootTime;

    /// <summary>Starts a new boot: <see cref="MillisecondsSinceBoot"/> counts from 0 again, as after a watchdog reset.</summary>
    internal void Reboot()
    {
        bootTime = now;
    }

    /// <summary>Advances virtual time.</summary>
    /// <param name="milliseconds">Milliseconds to add, 0 or more.</param>
    internal void Advance(long milliseconds)
    {
        now += milliseconds;
    }
}
