namespace Wand.Core.Sessions
{
    /// <summary>
    /// What the user did with the button, as the session manager sees it.
    /// </summary>
    public enum ButtonGesture
    {
        /// <summary>Nothing new this tick.</summary>
        None = 0,

        /// <summary>Pressed and released within one second: start, or next level of a manual session. While a session runs
        /// it is reported once the double-press window has passed without a second press.</summary>
        ShortPress = 1,

        /// <summary>Held for one second (reported while still held): stop a running session.</summary>
        Hold = 2,

        /// <summary>Held for three seconds (reported while still held): open the pairing window when idle (BP-4).</summary>
        LongHold = 3,

        /// <summary>Two short presses, the second released within 500 ms of the first, while a session runs: pause or
        /// resume (MD-7).</summary>
        DoublePress = 4,
    }
}
