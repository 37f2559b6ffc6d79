namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// The outcome of a control-point command or a start request. Wire value: one byte.
    /// </summary>
    public enum CommandResult : byte
    {
        /// <summary>Done.</summary>
        Success = 0,

        /// <summary>No known head is confirmed (SR-6).</summary>
        NoHead = 1,

        /// <summary>The level is above what the head, the calibration or the thermal state allows.</summary>
        LevelNotAllowed = 2,

        /// <summary>The attached head does not allow this pattern (HD-4).</summary>
        PatternNotAllowed = 3,

        /// <summary>USB power is present (SR-9).</summary>
        Charging = 4,

        /// <summary>Too hot, or the thermal sensor failed (SR-7).</summary>
        OverTemperature = 5,

        /// <summary>The battery is too low to start (SR-8).</summary>
        BatteryLow = 6,

        /// <summary>A latched fault blocks the motor (SR-12, SR-10).</summary>
        FaultActive = 7,

        /// <summary>No session is running, so there is nothing to change or stop.</summary>
        NotRunning = 8,

        /// <summary>The command needs factory mode (SR-15).</summary>
        NotInFactoryMode = 9,

        /// <summary>The value is outside its documented range.</summary>
        OutOfRange = 10,

        /// <summary>The operation failed on the device (for example a storage write).</summary>
        Failed = 11,

        /// <summary>A session is already running; stop it first, or change its level or pattern.</summary>
        Busy = 12,

        /// <summary>The routine does not fit the session limit in force (SR-5, MD-6; protocol 1.1).</summary>
        RoutineTooLong = 13,
    }
}
