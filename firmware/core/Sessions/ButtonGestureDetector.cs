namespace Wand.Core.Sessions
{
    /// <summary>
    /// Debounces the button and turns presses into gestures: a short press on release, a hold after 1 s and a long hold
    /// after 3 s while still held. While <see cref="DoublePressArmed"/> (a session runs), a short press is held back for
    /// <see cref="DoublePressMilliseconds"/>: a second short press within it makes a double press (pause or resume, MD-7),
    /// otherwise the short press is reported when the window closes; if the session ends meanwhile, the held-back press is
    /// dropped, so a press meant for a running session never starts a new one. A press that is already down at boot is ignored until
    /// released (it may be the factory button sequence).
    /// </summary>
    public sealed class ButtonGestureDetector
    {
        /// <summary>A level change must be stable this long to count, in milliseconds.</summary>
        public const int DebounceMilliseconds = 30;

        /// <summary>Holding this long is a hold, in milliseconds.</summary>
        public const int HoldMilliseconds = 1000;

        /// <summary>Holding this long is a long hold, in milliseconds.</summary>
        public const int LongHoldMilliseconds = 3000;

        /// <summary>A second short press released this soon after the first makes a double press, in milliseconds.</summary>
        public const int DoublePressMilliseconds = 500;

        private bool rawState;
        private long rawSince;
        private bool pressed;
        private long pressedSince;
        private bool holdReported;
        private bool longHoldReported;
        private bool ignoreUntilRelease;
        private bool initialised;
        private bool shortPending;
        private long shortReleasedAt;

        /// <summary>Gets or sets a value indicating whether short presses wait for a possible second press (set while a
        /// session runs). When idle, a short press is reported on release, so a start is not delayed.</summary>
        public bool DoublePressArmed { get; set; }

        /// <summary>Gets a value indicating whether the debounced button is down.</summary>
        public bool IsPressed => pressed;

        /// <summary>Gets how long the debounced button has been held, in milliseconds (0 when released).</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns>Milliseconds held.</returns>
        public long HeldFor(long now)
        {
            return pressed ? now - pressedSince : 0;
        }

        /// <summary>Evaluates one sample of the button.</summary>
        /// <param name="isDown">The raw button state.</param>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns>The gesture completed on this sample, or <see cref="ButtonGesture.None"/>.</returns>
        public ButtonGesture Sample(bool isDown, long now)
        {
            if (!initialised)
            {
                initialised = true;
                rawState = isDown;
                rawSince = now;
                pressed = isDown;
                pressedSince = now;
                ignoreUntilRelease = isDown;
                return ButtonGesture.None;
            }

            if (isDown != rawState)
            {
                rawState = isDown;
                rawSince = now;
            }

            if (rawState != pressed && now - rawSince >= DebounceMilliseconds)
            {
                pressed = rawState;
                if (pressed)
                {
                    pressedSince = rawSince;
                    holdReported = false;
                    longHoldReported = false;
                    return ButtonGesture.None;
                }

                bool wasShort = !holdReported && !ignoreUntilRelease;
                ignoreUntilRelease = false;
                if (!wasShort)
                {
                    shortPending = false;
                    return ButtonGesture.None;
                }

                if (!DoublePressArmed)
                {
                    shortPending = false;
                    return ButtonGesture.ShortPress;
                }

                if (shortPending && now - shortReleasedAt <= DoublePressMilliseconds)
                {
                    shortPending = false;
                    return ButtonGesture.DoublePress;
                }

                shortPending = true;
                shortReleasedAt = now;
                return ButtonGesture.None;
            }

            if (shortPending && !DoublePressArmed)
            {
                // The session ended (stop, fault, time) while the press waited: it meant the running session, so it
                // must not start a new one.
                shortPending = false;
            }

            if (shortPending && now - shortReleasedAt > DoublePressMilliseconds && !pressed)
            {
                shortPending = false;
                return ButtonGesture.ShortPress;
            }

            if (pressed && !ignoreUntilRelease)
            {
                long held = now - pressedSince;
                if (!longHoldReported && held >= LongHoldMilliseconds)
                {
                    longHoldReported = true;
                    holdReported = true;
                    return ButtonGesture.LongHold;
                }

                if (!holdReported && held >= HoldMilliseconds)
                {
                    holdReported = true;
                    return ButtonGesture.Hold;
                }
            }

            return ButtonGesture.None;
        }
    }
}
