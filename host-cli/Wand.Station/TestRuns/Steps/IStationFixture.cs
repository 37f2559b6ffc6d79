namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// The station's own instruments around the unit: a fixture accelerometer on the head and a voltmeter across the
/// motor, and the device clock. The virtual wand provides a simulated fixture; a real station provides its own or
/// none, and steps that need an instrument then end in ERROR naming it.
/// </summary>
public interface IStationFixture
{
    /// <summary>Gets the device clock, in milliseconds since boot (virtual time on a virtual wand).</summary>
    long DeviceMilliseconds { get; }

    /// <summary>Reads the vibration amplitude at the head.</summary>
    /// <returns>Peak amplitude, in g, 0 or more.</returns>
    double ReadAmplitudeG();

    /// <summary>Reads the vibration frequency at the head.</summary>
    /// <returns>Frequency, in hertz, 0 or more.</returns>
    double ReadFrequencyHertz();

    /// <summary>Reads the average voltage across the motor.</summary>
    /// <returns>Average motor voltage, in volts, 0 or more.</returns>
    double ReadMotorVolts();
}
