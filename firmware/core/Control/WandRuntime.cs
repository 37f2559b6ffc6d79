using System;
using Wand.Core.Board;
using Wand.Core.Gatt;
using Wand.Core.Hardware;

namespace Wand.Core.Control
{
    /// <summary>
    /// The firmware assembled from its parts: the controller (constructed first, so the motor is off before anything
    /// else, SR-1) and the GATT server on top of it. The device's <c>Program</c> and the virtual wand both build this and
    /// call <see cref="Tick"/> every 20 ms and <see cref="CheckLiveness"/> from an independent timer.
    /// </summary>
    public sealed class WandRuntime
    {
        private readonly WandController controller;
        private readonly WandGattServer gatt;
        private readonly IClock clock;

        /// <summary>Initializes a new instance of the <see cref="WandRuntime"/> class.</summary>
        /// <param name="profile">The board profile.</param>
        /// <param name="io">The board's adapters.</param>
        /// <param name="identity">Device Information texts.</param>
        /// <param name="notifications">Where GATT notifications go.</param>
        public WandRuntime(BoardProfile profile, BoardIo io, DeviceIdentity identity, IGattNotificationSink notifications)
        {
            controller = new WandController(profile, io);
            gatt = new WandGattServer(controller, io.Storage, identity, notifications);
            clock = io.Clock;
        }

        /// <summary>Gets the controller.</summary>
        public WandController Controller => controller;

        /// <summary>Gets the GATT server, the seam every transport calls.</summary>
        public WandGattServer Gatt => gatt;

        /// <summary>Runs one control tick, then sends the notifications that are due.</summary>
        public void Tick()
        {
            controller.Tick();
            try
            {
                gatt.Poll(clock.MillisecondsSinceBoot);
            }
            catch (Exception)
            {
                controller.ReportException();
            }
        }

        /// <summary>Turns the motor off if the loop missed its deadline (SR-10); call from an independent timer.</summary>
        /// <returns><c>true</c> when the deadline was missed.</returns>
        public bool CheckLiveness()
        {
            return controller.CheckLiveness();
        }
    }
}
