namespace Wand.Core.Hardware
{
    /// <summary>
    /// The set of hardware adapters one board provides to the core. The device fills it with ESP32 adapters;
    /// the virtual board fills it with simulated parts.
    /// </summary>
    public sealed class BoardIo
    {
        /// <summary>Initializes a new instance of the <see cref="BoardIo"/> class.</summary>
        /// <param name="motor">The motor PWM output.</param>
        /// <param name="headId">The head-ID divider ADC channel.</param>
        /// <param name="headTemperature">The head-side NTC divider ADC channel.</param>
        /// <param name="battery">The battery divider ADC channel.</param>
        /// <param name="button">The user button.</param>
        /// <param name="usbPower">USB VBUS detect.</param>
        /// <param name="factoryStrap">The factory jig strap input.</param>
        /// <param name="clock">Monotonic clock.</param>
        /// <param name="storage">Persistent storage.</param>
        /// <param name="watchdog">Hardware watchdog.</param>
        /// <param name="touch">Optional skin-contact sensor; <c>null</c> when the board has none.</param>
        public BoardIo(
            IMotorOutput motor,
            IAnalogChannel headId,
            IAnalogChannel headTemperature,
            IAnalogChannel battery,
            IDigitalInput button,
            IDigitalInput usbPower,
            IDigitalInput factoryStrap,
            IClock clock,
            IPersistentStorage storage,
            IWatchdog watchdog,
            ITouchSensor touch)
        {
            Motor = motor;
            HeadId = headId;
            HeadTemperature = headTemperature;
            Battery = battery;
            Button = button;
            UsbPower = usbPower;
            FactoryStrap = factoryStrap;
            Clock = clock;
            Storage = storage;
            Watchdog = watchdog;
            Touch = touch;
        }

        /// <summary>Gets the motor PWM output.</summary>
        public IMotorOutput Motor { get; }

        /// <summary>Gets the head-ID divider channel.</summary>
        public IAnalogChannel HeadId { get; }

        /// <summary>Gets the head-side NTC divider channel.</summary>
        public IAnalogChannel HeadTemperature { get; }

        /// <summary>Gets the battery divider channel.</summary>
        public IAnalogChannel Battery { get; }

        /// <summary>Gets the user button.</summary>
        public IDigitalInput Button { get; }

        /// <summary>Gets the USB power-present input.</summary>
        public IDigitalInput UsbPower { get; }

        /// <summary>Gets the factory jig strap input.</summary>
        public IDigitalInput FactoryStrap { get; }

        /// <summary>Gets the monotonic clock.</summary>
        public IClock Clock { get; }

        /// <summary>Gets the persistent storage.</summary>
        public IPersistentStorage Storage { get; }

        /// <summary>Gets the hardware watchdog.</summary>
        public IWatchdog Watchdog { get; }

        /// <summary>Gets the optional skin-contact sensor, or <c>null</c>.</summary>
        public ITouchSensor Touch { get; }
    }
}
