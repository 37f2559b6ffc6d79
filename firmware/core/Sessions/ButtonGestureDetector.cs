namespace Wand.Core.Sessions
{
    /// <summary>
    /// Debounces the button and turns presses into gestures: a short press on release, a hold after 1 s and a long hold
    /// after 3 s while still held. A press that is already down at boot is ignored until released (it may be the factory
    /// button sequence).
    /// </summary>
    public sealed class ButtonGestureDetector
    {
        /// <summary>A level change must be stable this long to count, in milliseconds.</summary>
        public const int DebounceMilliseconds = 30;

        /// <summary>Holding this long is a hold, in milliseconds.</summary>
        public const int HoldMilliseconds = 1000;

        /// <summary>Holding this long is a long hold, in milliseconds.</summary>
        public const int LongHoldMilliseconds = 3000;

        private bool rawState;
        private long rawSince;
        private bool pressed;
        private long pressedSince;
        private bool holdReported;
        private bool longHoldReported;
        private bool ignoreUntilRelease;
        private bool initialised;

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
                return wasShort ? ButtonGesture.ShortPress : ButtonGesture.None;
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
