using System;

namespace Wand.Simulation;

/// <summary>
/// The head's lumped thermal model: one heat capacity coupled to ambient through one thermal resistance, heated by
/// the motor. Nominal values: 60 K/W and 6 J/K (τ = 6 min), so a motor at its rated 3 V (~0.18 W) warms the head by
/// about 10 K: at skin-contact ambient (32 °C) that reaches the SR-7 derating range, as it should be able to.
/// </summary>
public sealed record ThermalParameters
{
    /// <summary>Gets the nominal head.</summary>
    public static ThermalParameters Nominal { get; } = new();

    /// <summary>Gets the thermal resistance from the head to ambient, in kelvin per watt.</summary>
    public double ResistanceKelvinPerWatt { get; init; } = 60;

    /// <summary>Gets the head's heat capacity, in joules per kelvin.</summary>
    public double CapacityJoulesPerKelvin { get; init; } = 6;

    /// <summary>Gets the fraction of the motor's mechanical power that ends up as heat in the head, 0 to 1.</summary>
    public double MechanicalLossFraction { get; init; } = 0.5;

    /// <summary>Gets the time constant R·C, in seconds.</summary>
    public double TimeConstantSeconds => ResistanceKelvinPerWatt * CapacityJoulesPerKelvin;

    /// <summary>Checks the parameters.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(ResistanceKelvinPerWatt > 0) || !(CapacityJoulesPerKelvin > 0))
        {
            throw new ArgumentException("Thermal resistance and capacity must be positive.", nameof(ResistanceKelvinPerWatt));
        }

        if (!(MechanicalLossFraction >= 0 && MechanicalLossFraction <= 1))
        {
            throw new ArgumentException("MechanicalLossFraction must be 0 to 1.", nameof(MechanicalLossFraction));
        }
    }
}
