using System;
using Wand.Core.Board;

namespace Wand.Simulation;

/// <summary>
/// The ESP32's 12-bit ADC as the firmware sees it: raw, uncalibrated counts (<see cref="AnalogScaling"/>) with a fixed
/// per-board error (offset plus gain, together within ±60 mV over the input range: ESP32 Series Datasheet, ADC characteristics) and
/// bounded per-read noise, saturating at 0 and 4095.
/// </summary>
public sealed class AnalogConverter
{
    /// <summary>Largest fixed error, in millivolts (ESP-IDF: ±60 mV at 11/12 dB attenuation).</summary>
    public const double MaximumErrorMillivolts = 60;

    private readonly SimulationRandom noise;

    /// <summary>Initializes a new instance of the <see cref="AnalogConverter"/> class.</summary>
    /// <param name="offsetMillivolts">Fixed offset, in millivolts.</param>
    /// <param name="gainError">Fixed relative gain error (0.01 = reads 1 % high).</param>
    /// <param name="noiseMillivolts">Standard deviation of per-read noise, in millivolts, 0 to 50 (bounded at ±3.46 σ).</param>
    /// <param name="noise">Noise source.</param>
    public AnalogConverter(double offsetMillivolts, double gainError, double noiseMillivolts, SimulationRandom noise)
    {
        if (Math.Abs(offsetMillivolts) + (Math.Abs(gainError) * AnalogScaling.FullScaleMillivolts) > MaximumErrorMillivolts + 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(offsetMillivolts), offsetMillivolts, "Offset and gain error together must stay within ±60 mV over the range.");
        }

        if (!(noiseMillivolts >= 0 && noiseMillivolts <= 50))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseMillivolts), noiseMillivolts, "ADC noise must be 0 to 50 mV.");
        }

        OffsetMillivolts = offsetMillivolts;
        GainError = gainError;
        NoiseMillivolts = noiseMillivolts;
        this.noise = noise ?? throw new ArgumentNullException(nameof(noise));
    }

    /// <summary>Gets the fixed offset, in millivolts.</summary>
    public double OffsetMillivolts { get; }

    /// <summary>Gets the fixed relative gain error.</summary>
    public double GainError { get; }

    /// <summary>Gets the standard deviation of per-read noise, in millivolts.</summary>
    public double NoiseMillivolts { get; }

    /// <summary>
    /// Draws a board's fixed error: offset up to ±30 mV and gain error up to ±0.9 % (≤ 28 mV at full scale), so the
    /// total stays inside ±60 mV.
    /// </summary>
    /// <param name="random">The board's draw source.</param>
    /// <param name="noiseMillivolts">Per-read noise, in millivolts.</param>
    /// <param name="noise">Noise source.</param>
    /// <returns>A new converter.</returns>
    public static AnalogConverter Draw(SimulationRandom random, double noiseMillivolts, SimulationRandom noise)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new AnalogConverter(30 * random.NextSymmetric(), 0.009 * random.NextSymmetric(), noiseMillivolts, noise);
    }

    /// <summary>Converts the voltage at the pin to a raw reading, with the board's error and fresh noise.</summary>
    /// <param name="volts">Voltage at the ADC pin, in volts.</param>
    /// <returns>Raw counts, 0 to 4095.</returns>
    public int Convert(double volts)
    {
        double millivolts = (volts * 1000.0 * (1.0 + GainError)) + OffsetMillivolts;
        if (NoiseMillivolts > 0)
        {
            millivolts += NoiseMillivolts * noise.NextBoundedNormal();
        }

        return AnalogScaling.MillivoltsToCounts((int)Math.Round(millivolts));
    }

    /// <summary>Converts without error or noise: the nominal reading of a voltage.</summary>
    /// <param name="volts">Voltage at the ADC pin, in volts.</param>
    /// <returns>Raw counts, 0 to 4095.</returns>
    public static int ConvertIdeal(double volts)
    {
        return AnalogScaling.MillivoltsToCounts((int)Math.Round(volts * 1000.0));
    }
}
