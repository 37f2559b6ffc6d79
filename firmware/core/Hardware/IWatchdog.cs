namespace Wand.Core.Hardware
{
    /// <summary>
    /// The hardware watchdog that resets a hung device (SR-10). The control loop feeds it once per tick.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>
        /// Restarts the watchdog's countdown.
        /// </summary>
        void Feed();
    }
}
