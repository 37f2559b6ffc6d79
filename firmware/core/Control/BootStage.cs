namespace Wand.Core.Control
{
    /// <summary>The stages of <see cref="BootSequence"/>, in the order they run.</summary>
    public enum BootStage
    {
        /// <summary>Nothing has run yet.</summary>
        NotStarted = 0,

        /// <summary>Stage 1: the motor drive line is taken and held at duty 0 (SR-1).</summary>
        MotorOff = 1,

        /// <summary>Stage 2: the board profile's pin map is checked against the ESP32's pin rules.</summary>
        BoardProfile = 2,

        /// <summary>Stage 3: the remaining adapters are opened.</summary>
        Adapters = 3,

        /// <summary>Stage 4: the firmware core is created.</summary>
        Core = 4,

        /// <summary>Stage 5: the BLE server is started.</summary>
        Radio = 5,

        /// <summary>Boot finished; the control loop may run.</summary>
        Running = 6,
    }
}
