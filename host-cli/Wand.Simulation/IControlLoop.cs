namespace Wand.Simulation;

/// <summary>
/// The firmware's entry points as the device's main loop calls them: a tick every control period and an independent
/// liveness check. The virtual wand drives the real controller through this seam.
/// </summary>
public interface IControlLoop
{
    /// <summary>Runs one control tick (every <c>SafetyLimits.ControlTickMilliseconds</c>).</summary>
    void Tick();

    /// <summary>Runs the independent liveness check (SR-10).</summary>
    void CheckLiveness();
}
