using System;

namespace Wand.Simulation;

/// <summary>
/// A Li-ion cell: open-circuit voltage from the state of charge (a typical LiCoO₂ curve, 3.0 V empty to 4.2 V full),
/// discharged by the charge drawn and sagging by I·R under load. While USB power is present the charger carries the
/// system load and charges the cell at constant current, tapering near full.
/// </summary>
public sealed class LithiumCell
{
    /// <summary>Lowest settable open-circuit voltage, in volts.</summary>
    public const double EmptyVolts = 3.0;

    /// <summary>Highest settable open-circuit voltage, in volts.</summary>
    public const double FullVolts = 4.2;

    // Open-circuit voltage at 0 %, 10 %, … 100 % state of charge (typical single-cell LiCoO₂ discharge curve shape).
    private static readonly double[] CurveVolts = { 3.00, 3.45, 3.60, 3.68, 3.74, 3.79, 3.85, 3.92, 4.00, 4.08, 4.20 };

    private readonly double internalOhms;
    private const double HoursPerMillisecond = 1.0 / 3_600_000.0;
    private readonly double capacityAmpereHours;
    private double stateOfCharge;

    /// <summary>Initializes a new instance of the <see cref="LithiumCell"/> class.</summary>
    /// <param name="parameters">The cell.</param>
    /// <param name="openCircuitVolts">Initial open-circuit voltage, 3.0 to 4.2 V.</param>
    public LithiumCell(CellParameters parameters, double openCircuitVolts)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        internalOhms = parameters.InternalResistanceOhms;
        capacityAmpereHours = parameters.CapacityMilliampereHours / 1000.0;
        SetOpenCircuitVolts(openCircuitVolts);
    }

    /// <summary>Gets the parameters.</summary>
    public CellParameters Parameters { get; }

    /// <summary>Gets the state of charge, 0 to 1.</summary>
    public double StateOfCharge => stateOfCharge;

    /// <summary>Gets the open-circuit voltage, in volts, 3.0 to 4.2.</summary>
    public double OpenCircuitVolts { get; private set; }

    /// <summary>Gets the terminal voltage during the last step, in volts.</summary>
    public double TerminalVolts { get; private set; }

    /// <summary>Gets the current out of the cell during the last step, in amperes (negative while charging).</summary>
    public double CurrentAmperes { get; private set; }

    /// <summary>Gets the charge drawn from the cell since creation, net of charging, in milliampere-hours.</summary>
    public double DrawnMilliampereHours { get; private set; }

    /// <summary>Gets the open-circuit voltage at a state of charge.</summary>
    /// <param name="stateOfCharge">State of charge, 0 to 1 (clamped).</param>
    /// <returns>Volts, 3.0 to 4.2.</returns>
    public static double OpenCircuitVoltsAt(double stateOfCharge)
    {
        double position = Math.Clamp(stateOfCharge, 0, 1) * (CurveVolts.Length - 1);
        int index = (int)position;
        if (index >= CurveVolts.Length - 1)
        {
            return CurveVolts[^1];
        }

        return CurveVolts[index] + ((CurveVolts[index + 1] - CurveVolts[index]) * (position - index));
    }

    /// <summary>Sets the state of charge that gives an open-circuit voltage.</summary>
    /// <param name="volts">Open-circuit voltage, 3.0 to 4.2 V.</param>
    public void SetOpenCircuitVolts(double volts)
    {
        if (!(volts >= EmptyVolts && volts <= FullVolts))
        {
            throw new ArgumentOutOfRangeException(nameof(volts), volts, "Open-circuit voltage must be 3.0 to 4.2 V.");
        }

        int index = 0;
        while (index < CurveVolts.Length - 2 && volts > CurveVolts[index + 1])
        {
            index++;
        }

        double fraction = (volts - CurveVolts[index]) / (CurveVolts[index + 1] - CurveVolts[index]);
        stateOfCharge = (index + fraction) / (CurveVolts.Length - 1);
        OpenCircuitVolts = volts;
        TerminalVolts = volts;
    }

    /// <summary>
    /// The terminal voltage while a low-side PWM switch drives a motor. The averaged motor current is
    /// (D·V − E)/R_m and the cell supplies D times it plus the system current, so
    /// V = (V_oc − R_i·I_sys + R_i·D·E/R_m) / (1 + R_i·D²/R_m), solved directly with no iteration.
    /// </summary>
    /// <param name="dutyCycle">Motor PWM duty, 0 to 1.</param>
    /// <param name="backEmfVolts">Motor back-EMF, in volts.</param>
    /// <param name="motorConductance">1 / motor terminal resistance, in siemens.</param>
    /// <param name="usbPowered">Whether USB power carries the system and charges the cell.</param>
    /// <returns>Terminal voltage, in volts.</returns>
    public double TerminalVoltsUnder(double dutyCycle, double backEmfVolts, double motorConductance, bool usbPowered)
    {
        if (usbPowered)
        {
            return OpenCircuitVolts + (ChargeCurrent() * internalOhms);
        }

        double noMotor = OpenCircuitVolts - (internalOhms * Parameters.SystemCurrentAmperes);
        double withMotor = (noMotor + (internalOhms * dutyCycle * backEmfVolts * motorConductance))
            / (1.0 + (internalOhms * dutyCycle * dutyCycle * motorConductance));
        return (dutyCycle * withMotor) > backEmfVolts ? withMotor : noMotor;
    }

    /// <summary>Advances one step: records the terminal voltage and current and moves the state of charge.</summary>
    /// <param name="terminalVolts">Terminal voltage this step, in volts.</param>
    /// <param name="motorSupplyAmperes">Current the motor switch draws from the cell, in amperes.</param>
    /// <param name="usbPowered">Whether USB power carries the system and charges the cell.</param>
    /// <param name="milliseconds">Step length, in milliseconds, 0 or more.</param>
    public void Step(double terminalVolts, double motorSupplyAmperes, bool usbPowered, int milliseconds)
    {
        double current = (usbPowered ? -ChargeCurrent() : Parameters.SystemCurrentAmperes) + motorSupplyAmperes;
        TerminalVolts = terminalVolts;
        CurrentAmperes = current;
        double drawn = current * milliseconds * HoursPerMillisecond;
        DrawnMilliampereHours += drawn * 1000.0;
        double charge = stateOfCharge - (drawn / capacityAmpereHours);
        stateOfCharge = charge < 0 ? 0 : charge > 1 ? 1 : charge;
        OpenCircuitVolts = OpenCircuitVoltsAt(stateOfCharge);
    }

    private double ChargeCurrent()
    {
        // Constant current up to 95 % state of charge, then a linear taper to zero at full (the constant-voltage phase).
        return stateOfCharge < 0.95 ? Parameters.ChargeCurrentAmperes : Parameters.ChargeCurrentAmperes * (1 - stateOfCharge) / 0.05;
    }
}
