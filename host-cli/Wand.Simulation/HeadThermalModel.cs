using System;

namespace Wand.Simulation;

/// <summary>
/// Head temperature heated by motor power (I²R plus a share of mechanical losses) and cooled to ambient:
/// C·dT/dt = P − (T − T_ambient)/R, integrated exactly for a constant power over each fixed step with a precomputed
/// factor, so a step allocates nothing and calls no transcendental function.
/// </summary>
public sealed class HeadThermalModel
{
    private readonly double[] approachFactors;
    private readonly double resistance;

    /// <summary>Initializes a new instance of the <see cref="HeadThermalModel"/> class at ambient.</summary>
    /// <param name="parameters">The head's thermal parameters.</param>
    /// <param name="stepMilliseconds">The fixed integration step, in milliseconds.</param>
    /// <param name="ambientCelsius">Ambient temperature, in °C.</param>
    public HeadThermalModel(ThermalParameters parameters, int stepMilliseconds, double ambientCelsius)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        resistance = parameters.ResistanceKelvinPerWatt;
        ArgumentOutOfRangeException.ThrowIfLessThan(stepMilliseconds, 1);
        StepMilliseconds = stepMilliseconds;
        approachFactors = new double[stepMilliseconds + 1];
        for (int milliseconds = 1; milliseconds <= stepMilliseconds; milliseconds++)
        {
            approachFactors[milliseconds] = 1.0 - Math.Exp(-milliseconds / 1000.0 / parameters.TimeConstantSeconds);
        }
        AmbientCelsius = ambientCelsius;
        TemperatureCelsius = ambientCelsius;
    }

    /// <summary>Gets the parameters.</summary>
    public ThermalParameters Parameters { get; }

    /// <summary>Gets the fixed integration step, in milliseconds.</summary>
    public int StepMilliseconds { get; }

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
        Step(watts, StepMilliseconds);
    }

    /// <summary>Advances a shorter step (the remainder of a span) at a constant heating power.</summary>
    /// <param name="watts">Heat delivered into the head, in watts.</param>
    /// <param name="milliseconds">Step length, 1 to <see cref="StepMilliseconds"/>.</param>
    public void Step(double watts, int milliseconds)
    {
        HeatingWatts = watts;
        double target = AmbientCelsius + (watts * resistance);
        TemperatureCelsius += (target - TemperatureCelsius) * approachFactors[milliseconds];
    }
}
