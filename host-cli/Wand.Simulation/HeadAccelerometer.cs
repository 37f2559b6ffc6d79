using System;

namespace Wand.Simulation;

/// <summary>
/// A fixture accelerometer on the head, as used for end-of-line calibration: reports the motor's vibration amplitude
/// and frequency, with optional per-read noise and a stuck or noisy fault.
/// </summary>
public sealed class HeadAccelerometer
{
    private readonly ErmMotor motor;
    private readonly SimulationRandom random;
    private double noiseG;
    private double stuckAmplitudeG;
    private AccelerometerFault fault;

    /// <summary>Initializes a new instance of the <see cref="HeadAccelerometer"/> class.</summary>
    /// <param name="motor">The motor it measures.</param>
    /// <param name="random">Noise source.</param>
    /// <param name="noiseG">Standard deviation of per-read noise, in g, 0 or more.</param>
    public HeadAccelerometer(ErmMotor motor, SimulationRandom random, double noiseG)
    {
        this.motor = motor ?? throw new ArgumentNullException(nameof(motor));
        this.random = random ?? throw new ArgumentNullException(nameof(random));
        NoiseG = noiseG;
    }

    /// <summary>Gets or sets the standard deviation of per-read noise, in g, 0 to 1.</summary>
    public double NoiseG
    {
        get => noiseG;
        set
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Accelerometer noise must be 0 to 1 g.");
            }

            noiseG = value;
        }
    }

    /// <summary>Gets or sets the injected fault; setting <see cref="AccelerometerFault.Stuck"/> freezes the present true amplitude.</summary>
    public AccelerometerFault Fault
    {
        get => fault;
        set
        {
            if (value == AccelerometerFault.Stuck)
            {
                stuckAmplitudeG = motor.AmplitudeG;
            }

            fault = value;
        }
    }

    /// <summary>Reads the vibration amplitude at the head.</summary>
    /// <returns>Peak amplitude, in g, 0 or more.</returns>
    public double ReadAmplitudeG()
    {
        double value;
        switch (fault)
        {
            case AccelerometerFault.Stuck:
                return stuckAmplitudeG;
            case AccelerometerFault.Noisy:
                value = motor.AmplitudeG + (((10 * noiseG) + 0.1) * random.NextBoundedNormal());
                break;
            default:
                value = motor.AmplitudeG + (noiseG * random.NextBoundedNormal());
                break;
        }

        return value > 0 ? value : 0;
    }

    /// <summary>Reads the vibration frequency (rotor speed / 60).</summary>
    /// <returns>Frequency, in hertz, 0 or more.</returns>
    public double ReadFrequencyHertz()
    {
        return fault == AccelerometerFault.Stuck ? 0 : motor.FrequencyHertz;
    }
}
