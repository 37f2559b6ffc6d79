using Wand.Core.Control;
using Wand.Core.Gatt;
using Wand.Firmware.Ble;

namespace Wand.Firmware
{
    /// <summary>
    /// The core's <see cref="WandRuntime"/> as the boot sequence and the device threads see it. After each tick it
    /// passes the pairing-window state (BP-4) to the BLE server, which only then allows new bonds.
    /// The controller and the GATT server synchronise internally, so the BLE handlers call them directly.
    /// </summary>
    public sealed class DeviceCore : IControlCore
    {
        private readonly WandRuntime _runtime;

        /// <summary>Initializes a new instance of the <see cref="DeviceCore"/> class.</summary>
        /// <param name="runtime">The assembled firmware core.</param>
        public DeviceCore(WandRuntime runtime)
        {
            _runtime = runtime;
        }

        /// <summary>Gets the core's GATT server.</summary>
        public IGattServer GattServer
        {
            get { return _runtime.Gatt; }
        }

        /// <summary>Gets or sets the BLE server, once it runs; <c>null</c> before or when the radio failed.</summary>
        public WandBleServer Radio { get; set; }

        /// <inheritdoc/>
        public void Tick()
        {
            _runtime.Tick();
            WandBleServer radio = Radio;
            if (radio != null)
            {
                radio.SetPairingWindow(_runtime.Controller.IsPairingWindowOpen());
            }
        }

        /// <inheritdoc/>
        public bool CheckLiveness()
        {
            return _runtime.CheckLiveness();
        }
    }
}
