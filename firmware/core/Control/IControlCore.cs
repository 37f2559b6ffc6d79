namespace Wand.Core.Control
{
    /// <summary>
    /// The two entry points the device's threads drive: the fixed-rate control tick and the independent liveness check
    /// (SR-10). The core's <c>WandRuntime</c> provides them.
    /// </summary>
    public interface IControlCore
    {
        /// <summary>Runs one control tick (every <see cref="BootLoopPacer"/> period, at most 20 ms apart, MD-4).</summary>
        void Tick();

        /// <summary>
        /// Checks, from a thread other than the control loop, that ticks keep coming; turns the motor off when the loop
        /// has missed its deadline for 200 ms (SR-10).
        /// </summary>
        /// <returns><c>true</c> when the deadline was missed.</returns>
        bool CheckLiveness();
    }
}
