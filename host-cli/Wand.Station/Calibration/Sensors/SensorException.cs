namespace Wand.Host.Calibration.Sensors;

/// <summary>The vibration sensor failed, timed out or answered out of protocol.</summary>
/// <param name="message">What failed and where.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class SensorException(string message, System.Exception? innerException = null)
    : WandHostException(message, innerException!);
