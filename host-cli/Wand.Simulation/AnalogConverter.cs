using System;
using Wand.Core.Board;

namespace Wand.Simulation;

/// <summary>
/// The ESP32's 12-bit ADC as the firmware sees it: raw, uncalibrated counts (<see cref="AnalogScaling"/>) with a fixed
/// per-board gain error, offset and integral non-linearity (a bow that is zero at both ends of the range), drawn within
/// <see cref="SensorTolerances"/>, and bounded per-read noise, saturating at 0 and 4095.
/// </summary>
public sealed class AnalogConverter
{
    private readonly SimulationRandom noise;

    /// <summary>Initializes a new instance of the <see cref="AnalogConverter"/> class.</summary>
    /// <param name="offsetMillivolts">Fixed offset, in millivolts, −200 to 200.</param>
    /// <param name="gainError">Fixed relative gain error (0.01 = reads 1 % high), −0.2 to 0.2.</param>
    /// <param name="noiseMillivolts">Standard deviation of per-read noise, in millivolts, 0 to 50 (bounded at ±3.46 σ).</param>
    /// <param name="noise">Noise source.</param>
    /// <param name="nonlinearityMillivolts">Peak of the integral non-linearity bow, in millivolts, −100 to 100.</param>
    public AnalogConverter(double offsetMillivolts, double gainError, double noiseMillivolts, SimulationRandom noise, double nonlinearityMillivolts = 0)
    {
        if (!(Math.Abs(offsetMillivolts) <= 200) || !(Math.Abs(gainError) <= 0.2) || !(Math.Abs(nonlinearityMillivolts) <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(offsetMillivolts), offsetMillivolts, "ADC offset must be within ±200 mV, gain error within ±20 %, non-linearity within ±100 mV.");
        }

        if (!(noiseMillivolts >= 0 && noiseMillivolts <= 50))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseMillivolts), noiseMillivolts, "ADC noise must be 0 to 50 mV.");
        }

        OffsetMillivolts = offsetMillivolts;
        GainError = gainError;
        NonlinearityMillivolts = nonlinearityMillivolts;
        NoiseMillivolts = noiseMillivolts;
        this.noise = noise ?? throw new ArgumentNullException(nameof(noise));
    }

    /// <summary>Gets the fixed offset, in millivolts.</summary>
    public double OffsetMillivolts { get; }

    /// <summary>Gets the fixed relative gain error.</summary>
    public double GainError { get; }

    /// <summary>Gets the peak of the integral non-linearity bow, in millivolts.</summary>
    public double NonlinearityMillivolts { get; }

    /// <summary>Gets the standard deviation of per-read noise, in millivolts.</summary>
    public double NoiseMillivolts { get; }

    /// <summary>Draws a board's fixed errors uniformly within the tolerances.</summary>
    /// <param name="random">The board's draw source.</param>
    /// <param name="tolerances">The documented tolerances.</param>
    /// <param name="noiseMillivolts">Per-read noise, in millivolts.</param>
    /// <param name="noise">Noise source.</param>
    /// <returns>A new converter.</returns>
    public static AnalogConverter Draw(SimulationRandom random, SensorTolerances tolerances, double noiseMillivolts, SimulationRandom noise)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(tolerances);
        double offset = tolerances.AdcOffsetMillivolts * random.NextSymmetric();
        double gain = tolerances.AdcGainFraction * random.NextSymmetric();
        double nonlinearity = tolerances.AdcNonlinearityLsb * SensorTolerances.LsbMillivolts * random.NextSymmetric();
        return new AnalogConverter(offset, gain, noiseMillivolts, noise, nonlinearity);
    }

    /// <summary>Converts the voltage at the pin to a raw reading, with the board's error and fresh noise.</summary>
    /// <param name="volts">Voltage at the ADC pin, in volts.</param>
    /// <returns>Raw counts, 0 to 4095.</returns>
    public int Convert(double volts)
    {
        double millivolts = MeanMillivolts(volts);
        if (NoiseMillivolts > 0)
        {
            millivolts += NoiseMillivolts * noise.NextBoundedNormal();
        }

        return AnalogScaling.MillivoltsToCounts((int)Math.Round(millivolts));
    }

    /// <summary>The reading a long average would give: the board's fixed errors without noise, unrounded.</summary>
    /// <param name="volts">Voltage at the ADC pin, in volts.</param>
    /// <returns>Counts, 0 to 4095, fractional.</returns>
    public double MeanCounts(double volts)
    {
        double counts = MeanMillivolts(volts) * AnalogScaling.MaximumCounts / AnalogScaling.FullScaleMillivolts;
        return counts < 0 ? 0 : (counts > AnalogScaling.MaximumCounts ? AnalogScaling.MaximumCounts : counts);
    }

    /// <summary>Converts without error or noise: the nominal reading of a voltage.</summary>
    /// <param name="volts">Voltage at the ADC pin, in volts.</param>
    /// <returns>Raw counts, 0 to 4095.</returns>
    public static int ConvertIdeal(double volts)
    {
        return AnalogScaling.MillivoltsToCounts((int)Math.Round(volts * 1000.0));
    }

    private double MeanMillivolts(double volts)
    {
        double millivolts = volts * 1000.0;
        double position = millivolts / AnalogScaling.FullScaleMillivolts;
        double bow = position > 0 && position < 1 ? NonlinearityMillivolts * Math.Sin(Math.PI * position) : 0;
        return (millivolts * (1.0 + GainError)) + OffsetMillivolts + bow;
    }
}
