using System;

namespace Wand.Simulation;

/// <summary>A single Li-ion cell (4.2 V full as a TP4056 charges it, 3.0 V common discharge cut-off).</summary>
public sealed record CellParameters
{
    /// <summary>Gets the nominal cell: 500 mAh, 0.2 Ω.</summary>
    public static CellParameters Nominal { get; } = new();

    /// <summary>Gets the capacity, in milliampere-hours.</summary>
    public double CapacityMilliampereHours { get; init; } = 500;

    /// <summary>Gets the internal resistance (cell plus protection FETs), in ohms; 0.15–0.3 Ω is typical.</summary>
    public double InternalResistanceOhms { get; init; } = 0.2;

    /// <summary>Gets the rest of the board's draw (ESP32 with BLE, regulator), in amperes.</summary>
    public double SystemCurrentAmperes { get; init; } = 0.06;

    /// <summary>Gets the charger's constant current while USB power is present, in amperes.</summary>
    public double ChargeCurrentAmperes { get; init; } = 0.25;

    /// <summary>Checks the parameters.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(CapacityMilliampereHours > 0))
        {
            throw new ArgumentException("CapacityMilliampereHours must be positive.", nameof(CapacityMilliampereHours));
        }

        if (!(InternalResistanceOhms >= 0 && InternalResistanceOhms <= 5))
        {
            throw new ArgumentException("InternalResistanceOhms must be 0 to 5 Ω.", nameof(InternalResistanceOhms));
        }

        if (!(SystemCurrentAmperes >= 0) || !(ChargeCurrentAmperes >= 0))
        {
            throw new ArgumentException("Currents must not be negative.", nameof(SystemCurrentAmperes));
        }
    }
}
