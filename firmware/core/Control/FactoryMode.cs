using Wand.Core.Board;

namespace Wand.Core.Control
{
    /// <summary>
    /// Factory mode (SR-15): entered only by a physical action at boot — the jig strap fitted at boot, or the button held
    /// from boot for 2 s — and left at reboot or 10 minutes after boot. Factory functions check <see cref="IsActive"/>.
    /// </summary>
    public sealed class FactoryMode
    {
        /// <summary>The button must be held from boot this long to enter factory mode, in milliseconds.</summary>
        public const int ButtonHoldMilliseconds = 2000;

        private bool entered;
        private bool decided;
        private bool buttonHeldSinceBoot = true;
        private long rawDriveUntil;
        private int rawDriveMillivolts;

        /// <summary>Gets a value indicating whether factory mode was entered at this boot.</summary>
        public bool Entered => entered;

        /// <summary>Gets a value indicating whether the boot-time decision has been made (the inputs need no more watching).</summary>
        public bool Decided => decided;

        /// <summary>Gets the requested raw drive voltage, in millivolts (0 when none or expired).</summary>
        public int RawDriveMillivolts => rawDriveMillivolts;

        /// <summary>Tells whether factory mode is active now.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><c>true</c> when entered and less than 10 minutes have passed since boot.</returns>
        public bool IsActive(long now)
        {
            return entered && now < SafetyLimits.FactoryModeSeconds * 1000L;
        }

        /// <summary>Watches the boot-time inputs until the decision is made (at most the first 2 s after boot).</summary>
        /// <param name="strapFitted">The jig strap input.</param>
        /// <param name="buttonDown">The raw button input.</param>
        /// <param name="now">Milliseconds since boot.</param>
        public void ObserveBoot(bool strapFitted, bool buttonDown, long now)
        {
            if (decided)
            {
                return;
            }

            if (strapFitted)
            {
                entered = true;
                decided = true;
                return;
            }

            buttonHeldSinceBoot = buttonHeldSinceBoot && buttonDown;
            if (!buttonHeldSinceBoot)
            {
                decided = true;
            }
            else if (now >= ButtonHoldMilliseconds)
            {
                entered = true;
                decided = true;
            }
        }

        /// <summary>Requests raw drive for calibration.</summary>
        /// <param name="millivolts">Average motor voltage, 0 to the ceiling (checked by the caller).</param>
        /// <param name="durationMilliseconds">How long, 1 to 10,000 ms.</param>
        /// <param name="now">Milliseconds since boot.</param>
        public void RequestRawDrive(int millivolts, int durationMilliseconds, long now)
        {
            rawDriveMillivolts = millivolts;
            rawDriveUntil = now + durationMilliseconds;
        }

        /// <summary>Ends raw drive.</summary>
        public void StopRawDrive()
        {
            rawDriveMillivolts = 0;
            rawDriveUntil = 0;
        }

        /// <summary>Tells whether raw drive is requested now; expires it when its time is up or factory mode ended.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><c>true</c> while a raw drive request is in force.</returns>
        public bool RawDriveActive(long now)
        {
            if (rawDriveMillivolts > 0 && (now >= rawDriveUntil || !IsActive(now)))
            {
                StopRawDrive();
            }

            return rawDriveMillivolts > 0;
        }
    }
}
