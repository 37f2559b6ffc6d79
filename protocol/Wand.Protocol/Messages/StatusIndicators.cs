namespace Wand.Protocol.Messages
{
    /// <summary>The flag bits of the status value (u16, little-endian). Undefined bits are sent as 0 and ignored on receipt.</summary>
    [System.Flags]
    public enum StatusIndicators : ushort
    {
        /// <summary>No flag.</summary>
        None = 0,

        /// <summary>The session ends within 60 s (SR-5).</summary>
        SessionEndingWarning = 0x0001,

        /// <summary>The battery is at or below the warning voltage under load (SR-8).</summary>
        BatteryLow = 0x0002,

        /// <summary>Drive is derated for head temperature (SR-7).</summary>
        ThermalDerating = 0x0004,

        /// <summary>USB power is present; the motor is off (SR-9).</summary>
        Charging = 0x0008,

        /// <summary>The device is in factory mode (SR-15).</summary>
        FactoryMode = 0x0010,

        /// <summary>The 60 s pairing window is open (BP-4).</summary>
        PairingWindowOpen = 0x0020,

        /// <summary>The calibration record is missing or corrupt; safe defaults are in use (SR-16).</summary>
        CalibrationInvalid = 0x0040,

        /// <summary>A latched fault blocks the motor (see the active fault code).</summary>
        FaultActive = 0x0080,

        /// <summary>Skin-contact sensing is on and the head is lifted: vibration paused (HD-5).</summary>
        SkinContactLost = 0x0100,

        /// <summary>The sensor calibration is missing or corrupt; the limits are shifted by the uncalibrated worst case (SR-18).</summary>
        SensorCalibrationMissing = 0x0200,

        /// <summary>A guided routine is playing (protocol 1.1, MD-6); the "routine" characteristic has the step.</summary>
        RoutineActive = 0x2000,

        /// <summary>The session is paused (protocol 1.1, MD-7): the motor is off or ramping off and the timers hold.</summary>
        Paused = 0x4000,
    }
}
