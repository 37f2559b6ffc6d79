namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// Why the last session ended. Wire value: one byte.
    /// </summary>
    public enum StopReason : byte
    {
        /// <summary>No session has ended since boot.</summary>
        None = 0,

        /// <summary>Stopped with the button.</summary>
        Button = 1,

        /// <summary>Stopped by a remote stop command.</summary>
        RemoteCommand = 2,

        /// <summary>The session time ran out (SR-5).</summary>
        TimeLimit = 3,

        /// <summary>The BLE link dropped during a remote-started session (SR-11).</summary>
        LinkLost = 4,

        /// <summary>A fault stopped the motor; see the fault log.</summary>
        Fault = 5,

        /// <summary>USB power appeared (SR-9).</summary>
        Charging = 6,

        /// <summary>A guided routine played its last step (MD-6; protocol 1.1).</summary>
        RoutineComplete = 7,

        /// <summary>The session stayed paused for more than 2 minutes (MD-7; protocol 1.1).</summary>
        PauseTimeout = 8,
    }
}
