namespace Wand.Protocol.Factory
{
    /// <summary>The checks of the factory self-test, as bits of a u16 mask.</summary>
    [System.Flags]
    public enum SelfTestChecks : ushort
    {
        /// <summary>No check.</summary>
        None = 0,

        /// <summary>The head-ID reading is a known head, open or shorted, not a guard-zone value.</summary>
        HeadIdentity = 0x0001,

        /// <summary>The NTC reading is plausible (SR-7).</summary>
        Thermistor = 0x0002,

        /// <summary>The battery voltage is plausible and above the cut-off.</summary>
        BatteryVoltage = 0x0004,

        /// <summary>The motor output can be set up, driven briefly and returned to zero.</summary>
        MotorDrive = 0x0008,

        /// <summary>The calibration record is present and valid (SR-16).</summary>
        Calibration = 0x0010,

        /// <summary>Persistent storage reads back what was written.</summary>
        Storage = 0x0020,
    }
}
