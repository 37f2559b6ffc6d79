namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// Who started the current session. A BLE-started session stops on link loss (SR-11); a button-started one continues.
    /// </summary>
    public enum SessionSource : byte
    {
        /// <summary>No session.</summary>
        None = 0,

        /// <summary>Started with the wand's button.</summary>
        Button = 1,

        /// <summary>Started over BLE (or another link serving the same profile).</summary>
        Remote = 2,

        /// <summary>Raw drive in factory mode (SR-15).</summary>
        Factory = 3,
    }
}
