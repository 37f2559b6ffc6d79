namespace Wand.Protocol.Profile
{
    /// <summary>
    /// What a read or write of a characteristic requires (BP-4, SR-15). Each level includes the ones before it.
    /// </summary>
    public enum AccessSecurity : byte
    {
        /// <summary>Allowed on any link.</summary>
        Open = 0,

        /// <summary>Needs an encrypted (bonded) link; otherwise ATT 0x0F Insufficient Encryption.</summary>
        Encrypted = 1,

        /// <summary>
        /// Needs an encrypted link (else 0x0F) and the device in factory mode (else 0x08 Insufficient Authorization).
        /// </summary>
        FactoryMode = 2,
    }
}
