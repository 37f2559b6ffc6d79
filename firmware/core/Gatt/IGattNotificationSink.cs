namespace Wand.Core.Gatt
{
    /// <summary>
    /// Where the GATT server sends notifications: the BLE adapter's <c>NotifyValue</c>, or the framed stream.
    /// The server calls it only for subscribed characteristics, after the new value is stored (BP-3).
    /// </summary>
    public interface IGattNotificationSink
    {
        /// <summary>
        /// Sends one notification.
        /// </summary>
        /// <param name="characteristicIndex">Index in the profile's characteristic table.</param>
        /// <param name="value">Buffer holding the value; it is reused after the call returns.</param>
        /// <param name="length">Number of value bytes, 0 to the buffer length.</param>
        void Notify(int characteristicIndex, byte[] value, int length);
    }
}
