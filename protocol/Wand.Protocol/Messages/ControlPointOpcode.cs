namespace Wand.Protocol.Messages
{
    /// <summary>The control-point opcodes: the first byte of a control-point write. Wire value: one byte.</summary>
    public enum ControlPointOpcode : byte
    {
        /// <summary>Start a session: level u8 (1–5), pattern u8, duration u16 seconds (0 = the default, or 60–900). 5 bytes.</summary>
        StartSession = 0x01,

        /// <summary>Stop the running session with a ramp down. 1 byte.</summary>
        StopSession = 0x02,

        /// <summary>Change the running session's level: level u8 (1–5). 2 bytes.</summary>
        SetLevel = 0x03,

        /// <summary>Change the running session's pattern: pattern u8. 2 bytes.</summary>
        SetPattern = 0x04,

        /// <summary>Start a built-in routine (protocol 1.1, feature bit Routines): routine u8 (1–4). 2 bytes.</summary>
        StartRoutine = 0x05,

        /// <summary>Pause the session (protocol 1.1, feature bit Pause): the motor ramps off, timers hold. 1 byte.</summary>
        Pause = 0x06,

        /// <summary>Resume a paused session through the start ramp (protocol 1.1, feature bit Pause). 1 byte.</summary>
        Resume = 0x07,
    }
}
