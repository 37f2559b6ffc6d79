using System;

namespace Wand.Simulation;

/// <summary>
/// Head temperature heated by motor power (I²R plus a share of mechanical losses) and cooled to ambient:
/// C·dT/dt = P − (T − T_ambient)/R, integrated exactly for a constant power over each fixed step with a precomputed
/// factor, so a step allocates nothing and calls no transcendental function.
/// </summary>
public sealed class HeadThermalModel
{
    private readonly double approachFactor;
    private readonly double resistance;

    /// <summary>Initializes a new instance of the <see cref="HeadThermalModel"/> class at ambient.</summary>
    /// <param name="parameters">The head's thermal parameters.</param>
    /// <param name="stepMilliseconds">The fixed integration step, in milliseconds.</param>
    /// <param name="ambientCelsius">Ambient temperature, in °C.</param>
    public HeadThermalModel(ThermalParameters parameters, double stepMilliseconds, double ambientCelsius)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        resistance = parameters.ResistanceKelvinPerWatt;
        approachFactor = 1.0 - Math.Exp(-stepMilliseconds / 1000.0 / parameters.TimeConstantSeconds);
        AmbientCelsius = ambientCelsius;
        TemperatureCelsius = ambientCelsius;
    }

    /// <summary>Gets the parameters.</summary>
    public ThermalParameters Parameters { get; }

    /// <summary>Gets or sets the ambient temperature, in °C (the head relaxes towards it).</summary>
    public double AmbientCelsius { get; set; }

    /// <summary>Gets or sets the modelled head temperature, in °C. Setting it starts the model from that value.</summary>
    public double TemperatureCelsius { get; set; }

    /// <summary>Gets the heating power during the last step, in watts.</summary>
    public double HeatingWatts { get; private set; }

    /// <summary>Advances one fixed step at a constant heating power.</summary>
    /// <param name="watts">Heat delivered into the head, in watts.</param>
    public void Step(double watts)
    {
        HeatingWatts = watts;
        double target = AmbientCelsius + (watts * resistance);
        TemperatureCelsius += (target - TemperatureCelsius) * approachFactor;
    }
}
