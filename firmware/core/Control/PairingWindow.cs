namespace Wand.Core.Control
{
    /// <summary>
    /// The 60 s window in which a new central may pair (BP-4), opened by a long button press.
    /// </summary>
    public sealed class PairingWindow
    {
        /// <summary>How long the window stays open, in milliseconds.</summary>
        public const int OpenMilliseconds = 60000;

        private long closesAt = -1;

        /// <summary>Opens (or re-opens) the window.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        public void Open(long now)
        {
            closesAt = now + OpenMilliseconds;
        }

        /// <summary>Closes the window, for example once a bond is made.</summary>
        public void Close()
        {
            closesAt = -1;
        }

        /// <summary>Tells whether pairing is allowed now.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><c>true</c> within 60 s of the last opening.</returns>
        public bool IsOpen(long now)
        {
            return closesAt >= 0 && now < closesAt;
        }
    }
}
