using System.Device.Adc;
using System.Device.Gpio;
using nanoFramework.Runtime.Native;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Core.Hardware;
using Wand.Core.Platform;
using Wand.Firmware.Adapters;
using Wand.Firmware.Ble;
using Wand.Protocol.Factory;
using Wand.Protocol.Profile;

namespace Wand.Firmware
{
    /// <summary>Creates the firmware core on the device's adapters (<see cref="CoreComposition.Create"/> on the device).</summary>
    /// <param name="profile">The checked board profile.</param>
    /// <param name="io">The device's adapters.</param>
    /// <param name="notifications">Where the core's GATT server sends notifications.</param>
    /// <returns>The core.</returns>
    public delegate DeviceCore CoreFactory(BoardProfile profile, BoardIo io, NotificationRelay notifications);

    /// <summary>
    /// The ESP32 stages of <see cref="BootSequence"/>: nanoFramework adapters behind the core's hardware seams. The
    /// order of the stages, and what happens when one fails, is the core's (tested on .NET); this class only opens
    /// hardware.
    /// </summary>
    public sealed class DevicePlatform : IBootPlatform
    {
        /// <summary>Internal flash file system drive (LittleFS "config" partition).</summary>
        public const string StorageDirectory = "I:\\";

        /// <summary>Settle time for USB VBUS detect and the factory strap, in milliseconds.</summary>
        public const int InputSettleMilliseconds = 20;

        /// <summary>Watchdog timeout, in milliseconds; the core's own liveness check acts at 200 ms (SR-10).</summary>
        public const int WatchdogTimeoutMilliseconds = 1000;

        /// <summary>How often the watchdog timer checks for feeds, in milliseconds.</summary>
        public const int WatchdogCheckMilliseconds = 100;

        private readonly CoreFactory _coreFactory;
        private readonly NotificationRelay _notifications = new NotificationRelay();
        private BoardIo _io;
        private DeviceCore _core;

        /// <summary>Initializes a new instance of the <see cref="DevicePlatform"/> class.</summary>
        /// <param name="coreFactory">Creates the core in stage 4.</param>
        public DevicePlatform(CoreFactory coreFactory)
        {
            _coreFactory = coreFactory;
        }

        /// <summary>Gets the BLE server once stage 5 has run, or <c>null</c>.</summary>
        public WandBleServer Radio { get; private set; }

        /// <inheritdoc/>
        public IMotorOutput OpenMotorOutput(int pin, int frequencyHertz)
        {
            return PwmMotorOutput.Open(pin, frequencyHertz);
        }

        /// <inheritdoc/>
        public BoardIo OpenBoardIo(BoardProfile profile, IMotorOutput motor)
        {
            TickClock clock = new TickClock();
            AdcController adc = new AdcController();
            GpioController gpio = new GpioController();

            // Button and strap are pulled up and switched to ground; VBUS detect comes through a divider with its own
            // pull-down. External resistors are fitted on every input (GPIO 34-39 have no internal pulls).
            IDigitalInput button = new GpioDigitalInput(gpio, profile.ButtonPin, true, PinMode.Input);
            IDigitalInput usbPower = new DebouncedInput(
                new GpioDigitalInput(gpio, profile.UsbPowerPin, false, PinMode.Input), clock, InputSettleMilliseconds);
            IDigitalInput factoryStrap = new DebouncedInput(
                new GpioDigitalInput(gpio, profile.FactoryStrapPin, true, PinMode.Input), clock, InputSettleMilliseconds);

            ITouchSensor touch = profile.SkinContactSensing ? new TouchPadSensor(profile.TouchPadNumber) : null;

            _io = new BoardIo(
                motor,
                new AdcAnalogChannel(adc, profile.HeadIdAdcChannel),
                new AdcAnalogChannel(adc, profile.HeadTemperatureAdcChannel),
                new AdcAnalogChannel(adc, profile.BatteryAdcChannel),
                button,
                usbPower,
                factoryStrap,
                clock,
                new AlternatingRecordStore(new FlashRecordFiles(StorageDirectory)),
                new TimerWatchdog(WatchdogTimeoutMilliseconds, WatchdogCheckMilliseconds, Reboot),
                touch);
            return _io;
        }

        /// <inheritdoc/>
        public IControlCore CreateCore(BoardProfile profile, BoardIo io)
        {
            _core = _coreFactory(profile, io, _notifications);
            return _core;
        }

        /// <inheritdoc/>
        public void StartRadio(BoardProfile profile, IControlCore core)
        {
            string name = AdvertisingBudget.DeviceName(ReadSerialNumber());
            Radio = WandBleServer.Start(_core.GattServer, name);
            _notifications.Target = Radio;
            _core.Radio = Radio;
        }

        /// <summary>
        /// The watchdog's expiry action: resets the device. The reset releases the LEDC output and the gate pull-down
        /// holds the motor off, so nothing here writes the motor output (SR-2: only the safety governor does).
        /// </summary>
        public static void Reboot()
        {
            Power.RebootDevice();
        }

        private string ReadSerialNumber()
        {
            // The identity record is the serial number as the protocol library encodes it (factory-serial, SR-15).
            byte[] record = new byte[AlternatingRecordStore.MaximumRecordLength];
            int length = _io.Storage.Read(StorageSlot.Identity, record);
            SerialNumber serial = new SerialNumber();
            if (length <= 0 || serial.Decode(record, 0, length) != AttError.Success)
            {
                return string.Empty;
            }

            return serial.ToString();
        }
    }
}
