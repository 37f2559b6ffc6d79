using System;
using Wand.Core.Board;

namespace Wand.Simulation;

/// <summary>One physical head: its nominal ID resistor and the actual value of this specimen (1 % part).</summary>
public sealed class VirtualHead
{
    /// <summary>Gets the tolerance of the ID resistor (E96, 1 %: <see cref="SensorTolerances.HeadResistorFraction"/>).</summary>
    public static double ResistorTolerance => SensorTolerances.Documented.HeadResistorFraction;

    /// <summary>Initializes a new instance of the <see cref="VirtualHead"/> class.</summary>
    /// <param name="nominalOhms">Nominal ID resistor, in ohms, more than 0.</param>
    /// <param name="actualOhms">This specimen's resistor, in ohms, more than 0.</param>
    public VirtualHead(double nominalOhms, double actualOhms)
    {
        if (!(nominalOhms > 0) || !(actualOhms > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(actualOhms), actualOhms, "An ID resistor must be more than 0 Ω; use a short for 0 Ω.");
        }

        NominalOhms = nominalOhms;
        ActualOhms = actualOhms;
    }

    /// <summary>Gets the nominal ID resistor, in ohms.</summary>
    public double NominalOhms { get; }

    /// <summary>Gets this specimen's ID resistor, in ohms.</summary>
    public double ActualOhms { get; }

    /// <summary>Draws a specimen of a catalogue head, its resistor uniform within ±1 %.</summary>
    /// <param name="definition">The head type.</param>
    /// <param name="random">Draw source.</param>
    /// <returns>A new head.</returns>
    public static VirtualHead Draw(HeadDefinition definition, SimulationRandom random)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Draw(definition.IdResistorOhms, random);
    }

    /// <summary>Draws a specimen of a nominal resistor, uniform within ±1 %.</summary>
    /// <param name="nominalOhms">Nominal resistor, in ohms.</param>
    /// <param name="random">Draw source.</param>
    /// <returns>A new head.</returns>
    public static VirtualHead Draw(double nominalOhms, SimulationRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new VirtualHead(nominalOhms, nominalOhms * random.NextFactor(ResistorTolerance));
    }
}
