namespace Wand.Protocol.Vocabulary
{
    /// <summary>
    /// Fault codes kept in the fault log (SR-17) and reported in status. Wire value: one byte.
    /// </summary>
    public enum FaultCode : byte
    {
        /// <summary>No fault.</summary>
        None = 0,

        /// <summary>The head was detached while driving (SR-6).</summary>
        HeadRemoved = 1,

        /// <summary>The head-ID reading fell in a guard zone (SR-6, HD-2).</summary>
        HeadUnknown = 2,

        /// <summary>The head-ID line reads shorted (SR-6).</summary>
        HeadShorted = 3,

        /// <summary>Head temperature reached the trip point (SR-7).</summary>
        OverTemperature = 4,

        /// <summary>The NTC reading is outside its plausible range: open or shorted sensor (SR-7).</summary>
        ThermalSensor = 5,

        /// <summary>The battery fell to the cut-off voltage under load (SR-8).</summary>
        BatteryCutoff = 6,

        /// <summary>USB power appeared during a session (SR-9).</summary>
        ChargingInterlock = 7,

        /// <summary>The control loop missed its deadline (SR-10).</summary>
        LoopDeadline = 8,

        /// <summary>An exception in the control path (SR-12).</summary>
        ControlException = 9,

        /// <summary>The calibration record is missing or corrupt; safe defaults are in use (SR-16).</summary>
        CalibrationInvalid = 10,

        /// <summary>The BLE link dropped during a remote-started session (SR-11).</summary>
        LinkLost = 11,

        /// <summary>The motor output could not be set up or written.</summary>
        MotorOutput = 12,

        /// <summary>The previous boot ended in a watchdog reset (SR-10).</summary>
        WatchdogReset = 13,
    }
}
