namespace Wand.Protocol.Framing
{
    /// <summary>
    /// The layout of a stream frame, little-endian:
    /// <code>
    /// 0  0xA5 0x5A           start marker
    /// 2  length u16           bytes from "operation" to the end of "body": 3 + body length
    /// 4  operation u8         FrameOperation
    /// 5  sequence u8          chosen by the client, echoed by the answer
    /// 6  characteristic u8    index in the profile table (0xFF: none, link control)
    /// 7  body                 0 to MaximumBodyLength bytes
    /// .. CRC-32 u32           IEEE 802.3 over bytes 2 up to the end of the body
    /// </code>
    /// </summary>
    public static class FrameFormat
    {
        /// <summary>First byte of the start marker.</summary>
        public const byte StartMarker1 = 0xA5;

        /// <summary>Second byte of the start marker.</summary>
        public const byte StartMarker2 = 0x5A;

        /// <summary>Characteristic byte of frames that address none (link control).</summary>
        public const byte NoCharacteristic = 0xFF;

        /// <summary>Longest characteristic value a frame carries, in bytes (the ATT maximum).</summary>
        public const int MaximumValueLength = 512;

        /// <summary>Longest body, in bytes: a 2-byte offset and the longest value.</summary>
        public const int MaximumBodyLength = 2 + MaximumValueLength;

        /// <summary>Bytes of operation, sequence and characteristic.</summary>
        public const int HeaderFieldsLength = 3;

        /// <summary>Offset of the length field.</summary>
        public const int LengthOffset = 2;

        /// <summary>Offset of the operation byte.</summary>
        public const int OperationOffset = 4;

        /// <summary>Offset of the sequence byte.</summary>
        public const int SequenceOffset = 5;

        /// <summary>Offset of the characteristic byte.</summary>
        public const int CharacteristicOffset = 6;

        /// <summary>Offset of the body.</summary>
        public const int BodyOffset = 7;

        /// <summary>Length of the CRC-32 trailer.</summary>
        public const int CrcLength = 4;

        /// <summary>Bytes a frame adds to its body: marker, length, header fields, CRC.</summary>
        public const int Overhead = BodyOffset + CrcLength;

        /// <summary>Longest frame, in bytes.</summary>
        public const int MaximumFrameLength = Overhead + MaximumBodyLength;

        /// <summary>Smallest valid length-field value.</summary>
        public const int MinimumLengthField = HeaderFieldsLength;

        /// <summary>Largest valid length-field value.</summary>
        public const int MaximumLengthField = HeaderFieldsLength + MaximumBodyLength;
    }
}
