namespace Wand.Host.Calibration.Fitting;

/// <summary>One steady-state measurement: amplitude at a drive.</summary>
/// <param name="Millivolts">Average motor voltage commanded, in millivolts.</param>
/// <param name="AmplitudeG">Settled mean amplitude, in g.</param>
/// <param name="StandardErrorG">Standard error of <paramref name="AmplitudeG"/>, in g.</param>
/// <param name="FrequencyHertz">Settled vibration frequency, in hertz.</param>
/// <param name="SettleMilliseconds">Time from the drive change until the reading settled, in milliseconds.</param>
public sealed record DrivePoint(int Millivolts, double AmplitudeG, double StandardErrorG, double FrequencyHertz, int SettleMilliseconds);
