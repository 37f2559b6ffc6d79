namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// The state of the vibration session. Wire value: one byte.
    /// </summary>
    public enum SessionState : byte
    {
        /// <summary>No session; the motor is off.</summary>
        Idle = 0,

        /// <summary>A session is ramping up from zero (SR-4).</summary>
        Starting = 1,

        /// <summary>A session is running at its level and pattern.</summary>
        Running = 2,

        /// <summary>A session is ramping down to stop (user stop, auto-off or link loss).</summary>
        Stopping = 3,
    }
}
