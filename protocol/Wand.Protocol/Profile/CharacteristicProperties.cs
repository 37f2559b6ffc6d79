namespace Wand.Protocol.Profile
{
    /// <summary>
    /// The GATT properties of a characteristic. The bit values equal nanoFramework's
    /// <c>GattCharacteristicProperties</c> and the Bluetooth characteristic-properties octet.
    /// </summary>
    [System.Flags]
    public enum CharacteristicProperties
    {
        /// <summary>No property.</summary>
        None = 0,

        /// <summary>The value can be read.</summary>
        Read = 0x02,

        /// <summary>The value can be written without a response (write command).</summary>
        WriteWithoutResponse = 0x04,

        /// <summary>The value can be written with a response (write request).</summary>
        Write = 0x08,

        /// <summary>The value is notified to subscribed clients.</summary>
        Notify = 0x10,
    }
}
