namespace Wand.Protocol.Framing
{
    /// <summary>The commands of a link-control frame. Wire value: one byte.</summary>
    public enum LinkCommand : byte
    {
        /// <summary>
        /// Open the link (the equivalent of a BLE connection, "link up"). Flags: bit 0 asks for an encrypted, bonded
        /// link. The answer's flags say what was granted; a refused encryption is result 0x05.
        /// </summary>
        Connect = 0x01,

        /// <summary>Close the link ("link down"); a session started over this link stops (SR-11).</summary>
        Disconnect = 0x02,

        /// <summary>Liveness check; answered with the current link flags.</summary>
        Ping = 0x03,
    }
}
