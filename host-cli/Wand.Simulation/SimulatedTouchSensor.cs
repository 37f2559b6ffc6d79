using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>The optional skin-contact pad (HD-5); touching by default.</summary>
public sealed class SimulatedTouchSensor : ITouchSensor
{
    private readonly AdapterFaultInjector faults;

    /// <summary>Initializes a new instance of the <see cref="SimulatedTouchSensor"/> class.</summary>
    /// <param name="faults">Fault injection.</param>
    public SimulatedTouchSensor(AdapterFaultInjector faults)
    {
        this.faults = faults;
    }

    /// <inheritdoc />
    public bool IsTouching
    {
        get
        {
            faults.ThrowIfArmed(AdapterKind.Touch);
            return Touching;
        }
    }

    /// <summary>Gets or sets whether the head is on skin.</summary>
    public bool Touching { get; set; } = true;
}
