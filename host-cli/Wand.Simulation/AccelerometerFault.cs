namespace Wand.Simulation;

/// <summary>Faults of the fixture accelerometer on the head.</summary>
public enum AccelerometerFault
{
    /// <summary>Working normally.</summary>
    None = 0,

    /// <summary>Returns the reading it had when the fault was set, whatever the motor does.</summary>
    Stuck = 1,

    /// <summary>Adds large noise: ten times the configured noise plus 0.1 g.</summary>
    Noisy = 2,
}
