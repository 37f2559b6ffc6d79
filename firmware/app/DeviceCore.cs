using Wand.Core.Control;
using Wand.Core.Gatt;

namespace Wand.Firmware
{
    /// <summary>
    /// The firmware core as the device runs it: the control loop entry points, the GATT server the BLE layer talks to
    /// and the lock that serialises the two threads (the control loop holds it for one tick; BLE handlers for one call).
    /// </summary>
    public sealed class DeviceCore : IControlCore
    {
        private readonly IControlCore _controller;

        /// <summary>Initializes a new instance of the <see cref="DeviceCore"/> class.</summary>
        /// <param name="controller">The core's controller.</param>
        /// <param name="gattServer">The core's GATT server.</param>
        public DeviceCore(IControlCore controller, IGattServer gattServer)
        {
            _controller = controller;
            GattServer = gattServer;
            Lock = new object();
        }

        /// <summary>Gets the core's GATT server.</summary>
        public IGattServer GattServer { get; }

        /// <summary>Gets the lock shared by the control loop and the BLE handlers.</summary>
        public object Lock { get; }

        /// <inheritdoc/>
        public void Tick()
        {
            lock (Lock)
            {
                _controller.Tick();
            }
        }

        /// <inheritdoc/>
        public void CheckLiveness()
        {
            // Deliberately without the lock: it must still act when a tick hangs while holding it.
            _controller.CheckLiveness();
        }
    }
}
