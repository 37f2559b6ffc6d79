using System;

namespace Wand.Simulation;

/// <summary>The battery divider into the ADC: pin voltage = terminal voltage × BoardProfile.BatteryDividerPerMille / 1000.</summary>
public sealed class BatteryChannel : SimulatedAnalogChannel
{
    private readonly LithiumCell cell;
    private readonly double ratio;

    /// <summary>Initializes a new instance of the <see cref="BatteryChannel"/> class.</summary>
    /// <param name="converter">The board's ADC.</param>
    /// <param name="faults">Fault injection.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="dividerPerMille">Divider ratio, in parts per thousand, 1 to 1000.</param>
    public BatteryChannel(AnalogConverter converter, AdapterFaultInjector faults, LithiumCell cell, int dividerPerMille)
        : base(converter, faults, AdapterKind.Battery)
    {
        if (dividerPerMille is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(dividerPerMille), dividerPerMille, "Battery divider must be 1 to 1000 per mille.");
        }

        this.cell = cell ?? throw new ArgumentNullException(nameof(cell));
        ratio = dividerPerMille / 1000.0;
    }

    /// <inheritdoc />
    public override double PinVolts => cell.TerminalVolts * ratio;
}
