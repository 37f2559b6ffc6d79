namespace Wand.Core.Hardware
{
    /// <summary>
    /// Monotonic time since boot. The device uses the system tick; the virtual board uses virtual time.
    /// </summary>
    public interface IClock
    {
        /// <summary>
        /// Gets the milliseconds elapsed since boot, 0 to <see cref="long.MaxValue"/>; never goes backwards.
        /// </summary>
        long MillisecondsSinceBoot { get; }
    }
}
