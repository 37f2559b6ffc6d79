using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>A logic input the world sets directly: USB power present, factory strap fitted.</summary>
public sealed class SimulatedInput : IDigitalInput
{
    private readonly AdapterFaultInjector faults;
    private readonly AdapterKind kind;
    private bool active;

    /// <summary>Initializes a new instance of the <see cref="SimulatedInput"/> class, inactive.</summary>
    /// <param name="faults">Fault injection.</param>
    /// <param name="kind">Which adapter this is.</param>
    public SimulatedInput(AdapterFaultInjector faults, AdapterKind kind)
    {
        this.faults = faults;
        this.kind = kind;
    }

    /// <inheritdoc />
    public bool IsActive
    {
        get
        {
            faults.ThrowIfArmed(kind);
            return active;
        }
    }

    /// <summary>Gets the input's state without fault injection, for the simulation and tests.</summary>
    public bool State => active;

    /// <summary>Sets the input.</summary>
    /// <param name="value"><c>true</c> to assert it.</param>
    public void Set(bool value)
    {
        active = value;
    }
}
