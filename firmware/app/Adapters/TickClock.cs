using Wand.Core.Hardware;

namespace Wand.Firmware.Adapters
{
    /// <summary>Monotonic milliseconds since boot from the nanoCLR tick (nanoFramework.Runtime.Native's Environment.TickCount64).</summary>
    public sealed class TickClock : IClock
    {
        /// <inheritdoc/>
        public long MillisecondsSinceBoot
        {
            get { return System.Environment.TickCount64; }
        }
    }
}
