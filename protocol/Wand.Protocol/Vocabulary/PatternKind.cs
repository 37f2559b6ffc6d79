namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// The vibration patterns (MD-3). Wire value: one byte. A head allows a subset, as a bit mask of
    /// <c>1 &lt;&lt; (int)pattern</c>.
    /// </summary>
    public enum PatternKind : byte
    {
        /// <summary>A steady level.</summary>
        Continuous = 0,

        /// <summary>Regular on and low phases.</summary>
        Pulse = 1,

        /// <summary>A slow swell up and down.</summary>
        Wave = 2,

        /// <summary>A double beat followed by a rest, like a resting heartbeat.</summary>
        Heartbeat = 3,
    }
}
