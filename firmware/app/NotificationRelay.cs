using Wand.Core.Gatt;

namespace Wand.Firmware
{
    /// <summary>
    /// Breaks the construction cycle between the core's GATT server (which needs a notification sink) and the BLE
    /// server (which needs the GATT server): the core gets this relay, the BLE server becomes its target once it runs.
    /// Until then, or when the radio failed to start, notifications are dropped, which is what "no subscriber" means.
    /// </summary>
    public sealed class NotificationRelay : IGattNotificationSink
    {
        private IGattNotificationSink _target;

        /// <summary>Gets or sets where notifications go; <c>null</c> drops them.</summary>
        public IGattNotificationSink Target
        {
            get { return _target; }
            set { _target = value; }
        }

        /// <inheritdoc/>
        public void Notify(int characteristicIndex, byte[] value, int length)
        {
            IGattNotificationSink target = _target;
            if (target != null)
            {
                target.Notify(characteristicIndex, value, length);
            }
        }
    }
}
