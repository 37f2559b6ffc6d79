namespace Wand.Protocol.Framing
{
    /// <summary>Link-control flag bits (u8).</summary>
    [System.Flags]
    public enum LinkOptions : byte
    {
        /// <summary>A plain link.</summary>
        None = 0,

        /// <summary>The link is (or is asked to be) encrypted with a bonded key (BP-4).</summary>
        Encrypted = 0x01,
    }
}
