namespace Wand.Core.Gatt
{
    /// <summary>
    /// The transport-neutral GATT server of the wand (BP-1…BP-4). The BLE adapter on the device and the virtual wand's
    /// framed-stream server both turn their requests into these calls. Characteristics are addressed by their index in
    /// the protocol library's declarative characteristic table.
    /// </summary>
    public interface IGattServer
    {
        /// <summary>
        /// Answers a read.
        /// </summary>
        /// <param name="characteristicIndex">Index in the profile's characteristic table.</param>
        /// <param name="buffer">Destination for the value; at least 64 bytes.</param>
        /// <param name="length">Number of value bytes written to <paramref name="buffer"/>, 0 when refused.</param>
        /// <returns>0 on success, otherwise the ATT error code to send (for example 0x0F, insufficient encryption).</returns>
        byte Read(int characteristicIndex, byte[] buffer, out int length);

        /// <summary>
        /// Applies a write, validating length, then offset, then value (BP-3); a refused write changes nothing (SR-14).
        /// </summary>
        /// <param name="characteristicIndex">Index in the profile's characteristic table.</param>
        /// <param name="value">The written bytes.</param>
        /// <param name="offset">Write offset, in bytes; only 0 is accepted.</param>
        /// <param name="withResponse"><c>true</c> for a write request, <c>false</c> for a write command.</param>
        /// <returns>0 on success, otherwise the ATT error code (sent only for write requests).</returns>
        byte Write(int characteristicIndex, byte[] value, int offset, bool withResponse);

        /// <summary>
        /// Records that the client enabled or disabled notifications of a characteristic (a CCCD write). Enabling needs
        /// the characteristic's read security; without it nothing is enabled.
        /// </summary>
        /// <param name="characteristicIndex">Index in the profile's characteristic table.</param>
        /// <param name="subscribed"><c>true</c> when notifications are enabled.</param>
        /// <returns>0 on success, otherwise the ATT error for the CCCD write: 0x01, 0x06, 0x0F or 0x08
        /// (<c>AccessRules.CheckSubscribe</c>). A stack that owns the CCCD and cannot refuse it ignores the code.</returns>
        byte SetSubscribed(int characteristicIndex, bool subscribed);

        /// <summary>
        /// Reports that a central connected, or that the link's security changed.
        /// </summary>
        /// <param name="encrypted"><c>true</c> when the link is encrypted with a bonded key (BP-4).</param>
        void LinkUp(bool encrypted);

        /// <summary>
        /// Reports that the central disconnected or the link dropped (SR-11).
        /// </summary>
        void LinkDown();
    }
}
