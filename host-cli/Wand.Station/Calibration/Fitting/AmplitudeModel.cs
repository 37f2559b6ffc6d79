using System;

namespace Wand.Host.Calibration.Fitting;

/// <summary>
/// The fitted ERM law: amplitude = (slope · (V − V0))² above the zero-amplitude voltage V0 and 0 below. Rotor speed
/// rises linearly with the drive above the sustain voltage and the vibration force with speed squared
/// (Precision Microdrives AB-004 and AB-029, https://www.precisionmicrodrives.com/ab-029), so the square root of the amplitude is a straight line in the drive.
/// </summary>
/// <param name="ZeroMillivolts">Drive at which the fitted amplitude reaches zero (V0), in millivolts.</param>
/// <param name="SlopeRootGPerVolt">Slope of √amplitude against drive, in √g per volt, greater than 0.</param>
public sealed record AmplitudeModel(double ZeroMillivolts, double SlopeRootGPerVolt)
{
    /// <summary>Gets the model's amplitude at a drive.</summary>
    /// <param name="millivolts">Average motor voltage, in millivolts.</param>
    /// <returns>Amplitude, in g, 0 or more.</returns>
    public double AmplitudeAt(double millivolts)
    {
        double root = SlopeRootGPerVolt * (millivolts - ZeroMillivolts) / 1000.0;
        return root > 0 ? root * root : 0;
    }

    /// <summary>Gets the drive that gives an amplitude.</summary>
    /// <param name="amplitudeG">Amplitude, in g, greater than 0.</param>
    /// <returns>Average motor voltage, in millivolts.</returns>
    public double MillivoltsFor(double amplitudeG)
    {
        if (!(amplitudeG > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(amplitudeG), amplitudeG, "The amplitude must be above 0 g.");
        }

        return ZeroMillivolts + (1000.0 * Math.Sqrt(amplitudeG) / SlopeRootGPerVolt);
    }
}
