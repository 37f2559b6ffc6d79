using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// Base of the simulated ADC channels: converts the modelled pin voltage through the board's ADC, with fault
/// injection and an optional forced (stuck) reading.
/// </summary>
public abstract class SimulatedAnalogChannel : IAnalogChannel
{
    private readonly AnalogConverter converter;
    private readonly AdapterFaultInjector faults;
    private readonly AdapterKind kind;
    private int forcedCounts = -1;

    /// <summary>Initializes a new instance of the <see cref="SimulatedAnalogChannel"/> class.</summary>
    /// <param name="converter">The board's ADC.</param>
    /// <param name="faults">Fault injection.</param>
    /// <param name="kind">Which adapter this is.</param>
    protected SimulatedAnalogChannel(AnalogConverter converter, AdapterFaultInjector faults, AdapterKind kind)
    {
        this.converter = converter;
        this.faults = faults;
        this.kind = kind;
    }

    /// <summary>Gets the number of conversions the firmware has taken.</summary>
    public long ReadCount { get; private set; }

    /// <summary>Gets the last reading returned to the firmware, in counts.</summary>
    public int LastCounts { get; private set; }

    /// <summary>Gets the forced reading, in counts, or <c>null</c> when the channel follows the model.</summary>
    public int? ForcedCounts => forcedCounts < 0 ? null : forcedCounts;

    /// <summary>Gets the voltage at the ADC pin now, in volts.</summary>
    public abstract double PinVolts { get; }

    /// <inheritdoc />
    public int ReadCounts()
    {
        faults.ThrowIfArmed(kind);
        ReadCount++;
        int counts = forcedCounts >= 0 ? forcedCounts : converter.Convert(PinVolts);
        LastCounts = counts;
        return counts;
    }

    /// <summary>Forces every reading to a value (a stuck converter or sensor), or returns to the model.</summary>
    /// <param name="counts">Counts, 0 to 4095, or <c>null</c> to follow the model again.</param>
    public void ForceCounts(int? counts)
    {
        if (counts is < 0 or > Wand.Core.Board.AnalogScaling.MaximumCounts)
        {
            throw new System.ArgumentOutOfRangeException(nameof(counts), counts, "Counts must be 0 to 4095.");
        }

        forcedCounts = counts ?? -1;
    }

    /// <summary>Freezes the channel at a fresh conversion of the present pin voltage.</summary>
    /// <returns>The frozen reading, in counts.</returns>
    public int Freeze()
    {
        forcedCounts = converter.Convert(PinVolts);
        return forcedCounts;
    }
}
