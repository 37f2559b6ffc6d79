namespace Wand.Core.History
{
    /// <summary>
    /// Wall-clock time as an app last wrote it through the Current Time Service (BP-6): the local time at boot, in
    /// seconds since 1970-01-01 00:00:00 local, so the present time is that plus the time since boot. The wand has no
    /// real-time clock: the time is forgotten at reboot until an app writes it again.
    /// </summary>
    public sealed class WallClock
    {
        private long secondsAtBoot;
        private int fractionAtBoot;

        /// <summary>Gets a value indicating whether an app has written the time since boot.</summary>
        public bool IsKnown { get; private set; }

        /// <summary>Sets the time.</summary>
        /// <param name="localSeconds">Local time now, seconds since 1970-01-01 00:00:00, 0 to 4,294,967,295.</param>
        /// <param name="millisecondsSinceBoot">The device time at which it was written.</param>
        public void Set(long localSeconds, long millisecondsSinceBoot)
        {
            long atBootMilliseconds = (localSeconds * 1000) - millisecondsSinceBoot;
            secondsAtBoot = atBootMilliseconds / 1000;
            fractionAtBoot = (int)(atBootMilliseconds % 1000);
            IsKnown = true;
        }

        /// <summary>Gets the local time at a device time.</summary>
        /// <param name="millisecondsSinceBoot">Device time.</param>
        /// <returns>Seconds since 1970-01-01 00:00:00 local; 0 when the time is not known.</returns>
        public long LocalSecondsAt(long millisecondsSinceBoot)
        {
            if (!IsKnown)
            {
                return 0;
            }

            return secondsAtBoot + ((millisecondsSinceBoot + fractionAtBoot) / 1000);
        }

        /// <summary>Gets the local time of a moment given in seconds since boot.</summary>
        /// <param name="secondsSinceBoot">Seconds since boot.</param>
        /// <returns>Seconds since 1970-01-01 00:00:00 local; 0 when the time is not known.</returns>
        public long LocalSecondsOfBootSeconds(long secondsSinceBoot)
        {
            return IsKnown ? secondsAtBoot + secondsSinceBoot : 0;
        }
    }
}
