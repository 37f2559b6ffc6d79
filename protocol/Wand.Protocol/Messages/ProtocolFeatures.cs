namespace Wand.Protocol.Messages
{
    /// <summary>Feature bits of the protocol-version value (u32). Undefined bits are 0 and ignored by clients.</summary>
    [System.Flags]
    public enum ProtocolFeatures : uint
    {
        /// <summary>No optional feature.</summary>
        None = 0,

        /// <summary>Skin-contact sensing is enabled on this board (HD-5); status may report <c>SkinContactLost</c>.</summary>
        SkinContactSensing = 0x00000001,

        /// <summary>The Factory service is present in the GATT database (it still works only in factory mode).</summary>
        FactoryService = 0x00000002,

        /// <summary>The fault log is paged by a 1-byte write (always set in version 1.x).</summary>
        PagedFaultLog = 0x00000004,

        /// <summary>Guided routines (1.1): control-point opcode 0x05, characteristics "routine" and "routine-catalog" (MD-6).</summary>
        Routines = 0x00000008,

        /// <summary>Baby-led pause (1.1): control-point opcodes 0x06 and 0x07, status flag <c>Paused</c> (MD-7).</summary>
        Pause = 0x00000010,

        /// <summary>Session history (1.1): characteristic "session-history" (BP-6).</summary>
        SessionHistory = 0x00000020,

        /// <summary>The Current Time Service 0x1805 is served; a written time stamps the session history (BP-6).</summary>
        CurrentTime = 0x00000040,

        /// <summary>Per-unit sensor calibration (1.1): Factory characteristic "sensor-calibration", status flag <c>SensorCalibrationMissing</c> (SR-18).</summary>
        SensorCalibration = 0x00000080,
    }
}
