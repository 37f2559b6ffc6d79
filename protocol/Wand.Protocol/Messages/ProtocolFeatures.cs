namespace Wand.Protocol.Messages
{
    /// <summary>Feature bits of the protocol-version value (u32). Undefined bits are 0 and ignored by clients.</summary>
    [System.Flags]
    public enum ProtocolFeatures : uint
    {
        /// <summary>No optional feature.</summary>
        None = 0,

        /// <summary>Skin-contact sensing is enabled on this board (HD-5); status may report <c>SkinContactLost</c>.</summary>
        SkinContactSensing = 0x00000001,

        /// <summary>The Factory service is present in the GATT database (it still works only in factory mode).</summary>
        FactoryService = 0x00000002,

        /// <summary>The fault log is paged by a 1-byte write (always set in version 1.x).</summary>
        PagedFaultLog = 0x00000004,
    }
}
