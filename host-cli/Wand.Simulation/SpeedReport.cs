namespace Wand.Simulation;

/// <summary>One speed measurement of the virtual board or wand.</summary>
/// <param name="VirtualMilliseconds">Virtual time simulated, in milliseconds.</param>
/// <param name="ControlTicks">Control ticks run in that time.</param>
/// <param name="PhysicsSteps">Fixed physics steps run in that time.</param>
/// <param name="WallMilliseconds">Real time it took, in milliseconds.</param>
/// <param name="AllocatedBytes">Managed bytes allocated on the measuring thread meanwhile.</param>
public readonly record struct SpeedReport(long VirtualMilliseconds, long ControlTicks, long PhysicsSteps, double WallMilliseconds, long AllocatedBytes)
{
    /// <summary>Gets virtual time over real time (the brief's target: ≥ 10,000).</summary>
    public double RealTimeRatio => WallMilliseconds > 0 ? VirtualMilliseconds / WallMilliseconds : double.PositiveInfinity;

    /// <summary>Gets physics steps per real second.</summary>
    public double StepsPerSecond => WallMilliseconds > 0 ? PhysicsSteps * 1000.0 / WallMilliseconds : double.PositiveInfinity;

    /// <summary>Gets control ticks per real second.</summary>
    public double TicksPerSecond => WallMilliseconds > 0 ? ControlTicks * 1000.0 / WallMilliseconds : double.PositiveInfinity;

    /// <summary>Gets allocated bytes per control tick.</summary>
    public double BytesPerTick => ControlTicks > 0 ? (double)AllocatedBytes / ControlTicks : 0;
}
