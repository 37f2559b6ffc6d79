using System;
using Wand.Core.Board;

namespace Wand.Host.TestRuns.Fixture;

/// <summary>
/// Converts between a head temperature and the NTC resistance that stands for it, with the Beta equation
/// R = R0·exp(β·(1/T − 1/T0)), T in kelvin (https://en.wikipedia.org/wiki/Thermistor#B_or_%CE%B2_parameter_equation),
/// and the board's NTC parameters (firmware/core/Board/BoardProfile.cs).
/// </summary>
public static class NtcSubstitute
{
    private const double KelvinOffset = 273.15;

    /// <summary>Gives the resistance the head NTC has at a temperature.</summary>
    /// <param name="celsius">Temperature, −20 to 90 °C.</param>
    /// <param name="parameters">The NTC; <c>null</c> for the reference board's.</param>
    /// <returns>The resistance, in ohms.</returns>
    public static double OhmsAt(double celsius, ThermistorParameters? parameters = null)
    {
        parameters ??= BoardProfile.CreateDefault().Thermistor;
        double referenceKelvin = (parameters.ReferenceMillidegrees / 1000.0) + KelvinOffset;
        return parameters.NominalOhms * Math.Exp(parameters.BetaKelvin * ((1.0 / (celsius + KelvinOffset)) - (1.0 / referenceKelvin)));
    }

    /// <summary>Gives the temperature at which the head NTC has a resistance.</summary>
    /// <param name="ohms">The resistance, in ohms, above 0.</param>
    /// <param name="parameters">The NTC; <c>null</c> for the reference board's.</param>
    /// <returns>The temperature, in °C.</returns>
    public static double CelsiusAt(double ohms, ThermistorParameters? parameters = null)
    {
        parameters ??= BoardProfile.CreateDefault().Thermistor;
        double referenceKelvin = (parameters.ReferenceMillidegrees / 1000.0) + KelvinOffset;
        double inverseKelvin = (1.0 / referenceKelvin) + (Math.Log(ohms / parameters.NominalOhms) / parameters.BetaKelvin);
        return (1.0 / inverseKelvin) - KelvinOffset;
    }
}
