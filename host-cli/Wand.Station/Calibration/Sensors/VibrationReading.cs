namespace Wand.Host.Calibration.Sensors;

/// <summary>One measurement window of the vibration sensor.</summary>
/// <param name="AmplitudeG">Mean peak amplitude over the window, in g, 0 or more.</param>
/// <param name="AmplitudeDeviationG">Standard deviation of the individual amplitude samples, in g, 0 or more.</param>
/// <param name="FrequencyHertz">Vibration frequency (rotor speed / 60), in hertz; 0 when the rotor stands still.</param>
/// <param name="SampleCount">Number of amplitude samples in the window, 1 or more.</param>
/// <param name="WindowMilliseconds">Length of the window, in milliseconds.</param>
public sealed record VibrationReading(
    double AmplitudeG,
    double AmplitudeDeviationG,
    double FrequencyHertz,
    int SampleCount,
    int WindowMilliseconds)
{
    /// <summary>Frequency below which the rotor counts as standing still, in hertz (60 rpm).</summary>
    public const double StandstillHertz = 1.0;

    /// <summary>Gets the standard error of <see cref="AmplitudeG"/>, in g.</summary>
    public double AmplitudeStandardErrorG => AmplitudeDeviationG / System.Math.Sqrt(SampleCount);

    /// <summary>Gets a value indicating whether the rotor is turning.</summary>
    public bool IsTurning => FrequencyHertz >= StandstillHertz;
}
