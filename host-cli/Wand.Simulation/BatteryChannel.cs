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
    /// <param name="dividerPerMille">Nominal divider ratio, in parts per thousand, 1 to 1000.</param>
    /// <param name="actualRatio">This board's ratio (its resistors drawn within tolerance), 0 to 1; <c>null</c> for the nominal.</param>
    public BatteryChannel(AnalogConverter converter, AdapterFaultInjector faults, LithiumCell cell, int dividerPerMille, double? actualRatio = null)
        : base(converter, faults, AdapterKind.Battery)
    {
        if (dividerPerMille is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(dividerPerMille), dividerPerMille, "Battery divider must be 1 to 1000 per mille.");
        }

        this.cell = cell ?? throw new ArgumentNullException(nameof(cell));
        ratio = actualRatio ?? dividerPerMille / 1000.0;
        if (!(ratio > 0 && ratio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(actualRatio), actualRatio, "Battery divider ratio must be more than 0 and at most 1.");
        }
    }

    /// <summary>Gets this board's divider ratio, pin voltage over cell voltage.</summary>
    public double Ratio => ratio;

    /// <inheritdoc />
    public override double PinVolts => cell.TerminalVolts * ratio;

    /// <summary>The pin voltage at a given cell voltage (the station's supply).</summary>
    /// <param name="cellVolts">Cell or supply voltage, in volts.</param>
    /// <returns>Volts at the pin.</returns>
    public double PinVoltsFor(double cellVolts) => cellVolts * ratio;
}
