using System;

namespace Wand.Simulation;

/// <summary>
/// The head-ID divider (HD-1): a 10.0 kΩ 1 % pull-up from the 3.3 V rail to the ADC pin, the head's ID resistor from
/// the pin to ground; open when no head is attached (the pin reads the rail), 0 Ω when the line is shorted.
/// </summary>
public sealed class HeadIdChannel : SimulatedAnalogChannel
{
    /// <summary>Nominal pull-up, in ohms.</summary>
    public const double NominalPullUpOhms = 10000;

    private readonly double railVolts;
    private double pinVolts;

    /// <summary>Initializes a new instance of the <see cref="HeadIdChannel"/> class with no head (open line).</summary>
    /// <param name="converter">The board's ADC.</param>
    /// <param name="faults">Fault injection.</param>
    /// <param name="pullUpOhms">This board's pull-up, in ohms.</param>
    /// <param name="railVolts">This board's 3.3 V rail, in volts.</param>
    public HeadIdChannel(AnalogConverter converter, AdapterFaultInjector faults, double pullUpOhms, double railVolts)
        : base(converter, faults, AdapterKind.HeadId)
    {
        PullUpOhms = pullUpOhms;
        this.railVolts = railVolts;
        pinVolts = railVolts;
    }

    /// <summary>The pin voltage with a resistor on the ID line (the station fixture's head resistors).</summary>
    /// <param name="ohms">Resistance from the pin to ground, in ohms.</param>
    /// <returns>Volts at the pin.</returns>
    public double PinVoltsFor(double ohms) => railVolts * ohms / (ohms + PullUpOhms);

    /// <summary>Gets this board's pull-up resistor, in ohms.</summary>
    public double PullUpOhms { get; }

    /// <summary>Gets the attached head, or <c>null</c> when detached or shorted.</summary>
    public VirtualHead? Head { get; private set; }

    /// <summary>Gets a value indicating whether the ID line is shorted to ground.</summary>
    public bool IsShorted { get; private set; }

    /// <summary>Gets the resistance from the pin to ground, in ohms: +∞ when open, 0 when shorted.</summary>
    public double LineOhms => IsShorted ? 0 : Head?.ActualOhms ?? double.PositiveInfinity;

    /// <inheritdoc />
    public override double PinVolts => pinVolts;

    /// <summary>Attaches a head.</summary>
    /// <param name="head">The head specimen.</param>
    public void Attach(VirtualHead head)
    {
        Head = head ?? throw new ArgumentNullException(nameof(head));
        IsShorted = false;
        pinVolts = railVolts * head.ActualOhms / (head.ActualOhms + PullUpOhms);
    }

    /// <summary>Removes the head: the line is open and the pin reads the rail.</summary>
    public void Detach()
    {
        Head = null;
        IsShorted = false;
        pinVolts = railVolts;
    }

    /// <summary>Shorts the ID line to ground (0 Ω).</summary>
    public void ShortToGround()
    {
        Head = null;
        IsShorted = true;
        pinVolts = 0;
    }
}
