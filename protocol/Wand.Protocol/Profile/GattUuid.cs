namespace Wand.Protocol.Profile
{
    /// <summary>
    /// A 128-bit attribute UUID without a dependence on <c>System.Guid</c>. Holds the canonical text
    /// (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>, lower case) and the 16 bytes in Bluetooth wire order: little-endian,
    /// that is the text's 32 hex digits read from right to left (the 16-bit value of a SIG UUID sits at bytes 12–13).
    /// </summary>
    public sealed class GattUuid
    {
        /// <summary>Length of a UUID in bytes.</summary>
        public const int Length = 16;

        /// <summary>The Bluetooth Base UUID's text after the 16-bit field (Core Vol 3 Part B §2.5.1).</summary>
        public const string BluetoothBaseSuffix = "-0000-1000-8000-00805f9b34fb";

        private readonly byte[] _wireBytes;

        /// <summary>Initializes a new instance of the <see cref="GattUuid"/> class from its canonical text.</summary>
        /// <param name="text">36 characters: 32 hex digits in groups of 8-4-4-4-12, either case.</param>
        /// <exception cref="System.ArgumentException">The text is not a UUID.</exception>
        public GattUuid(string text)
        {
            if (text == null || text.Length != 36)
            {
                throw new System.ArgumentException("A UUID has 36 characters.", nameof(text));
            }

            _wireBytes = new byte[Length];
            bool hasUpperCase = false;
            int nibble = 0;
            for (int index = 0; index < 36; index++)
            {
                char character = text[index];
                bool dashPosition = index == 8 || index == 13 || index == 18 || index == 23;
                if (dashPosition)
                {
                    if (character != '-')
                    {
                        throw new System.ArgumentException("A UUID has dashes after digits 8, 12, 16 and 20.", nameof(text));
                    }

                    continue;
                }

                int value = HexValue(character);
                if (value < 0)
                {
                    throw new System.ArgumentException("A UUID holds hex digits only.", nameof(text));
                }

                hasUpperCase |= character >= 'A' && character <= 'F';
                int byteIndex = Length - 1 - (nibble / 2);
                _wireBytes[byteIndex] = (nibble & 1) == 0 ? (byte)(value << 4) : (byte)(_wireBytes[byteIndex] | value);
                nibble++;
            }

            // The table spells its UUIDs in lower case, so the usual path keeps the given string and allocates nothing more.
            Text = hasUpperCase ? ToLowerCase(text) : text;
            IsBluetoothSig = EndsWithBluetoothBase(Text) && Text[0] == '0' && Text[1] == '0' && Text[2] == '0' && Text[3] == '0';
            ShortValue = IsBluetoothSig ? (_wireBytes[13] << 8) | _wireBytes[12] : 0;
        }

        /// <summary>Gets the canonical text, lower case.</summary>
        public string Text { get; }

        /// <summary>Gets a value indicating whether this is a SIG-assigned 16-bit UUID on the Bluetooth Base UUID.</summary>
        public bool IsBluetoothSig { get; }

        /// <summary>Gets the 16-bit SIG value (for example 0x2A19), or 0 for a vendor UUID.</summary>
        public int ShortValue { get; }

        /// <summary>Gets the 16-bit field at bytes 12–13 (text digits 5–8): the attribute's offset on its base.</summary>
        public int SixteenBitField
        {
            get { return (_wireBytes[13] << 8) | _wireBytes[12]; }
        }

        /// <summary>Builds the UUID of a SIG-assigned 16-bit value.</summary>
        /// <param name="shortValue">The 16-bit value, for example 0x180F.</param>
        /// <returns>The 128-bit UUID on the Bluetooth Base UUID.</returns>
        public static GattUuid FromShortValue(int shortValue)
        {
            char[] digits = new char[8];
            for (int index = 0; index < 8; index++)
            {
                int value = index < 4 ? 0 : (shortValue >> ((7 - index) * 4)) & 0xF;
                digits[index] = value < 10 ? (char)('0' + value) : (char)('a' + value - 10);
            }

            return new GattUuid(new string(digits, 0, 8) + BluetoothBaseSuffix);
        }

        /// <summary>Gets one byte in wire order (little-endian).</summary>
        /// <param name="index">0 to 15; 0 is the least significant byte.</param>
        /// <returns>The byte.</returns>
        public byte WireByteAt(int index)
        {
            return _wireBytes[index];
        }

        /// <summary>Copies the 16 bytes in Bluetooth wire order (little-endian).</summary>
        /// <param name="buffer">Destination, at least 16 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 16.</returns>
        public int CopyWireBytes(byte[] buffer, int offset)
        {
            System.Array.Copy(_wireBytes, 0, buffer, offset, Length);
            return Length;
        }

        /// <summary>
        /// Copies the 16 bytes in the order <c>new Guid(byte[])</c> expects on .NET and nanoFramework: the first three
        /// groups little-endian, the last two as written in the text.
        /// </summary>
        /// <param name="buffer">Destination, at least 16 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 16.</returns>
        public int CopyGuidBytes(byte[] buffer, int offset)
        {
            // Text byte n (big-endian position) is wire byte 15 − n.
            buffer[offset + 0] = _wireBytes[12];
            buffer[offset + 1] = _wireBytes[13];
            buffer[offset + 2] = _wireBytes[14];
            buffer[offset + 3] = _wireBytes[15];
            buffer[offset + 4] = _wireBytes[10];
            buffer[offset + 5] = _wireBytes[11];
            buffer[offset + 6] = _wireBytes[8];
            buffer[offset + 7] = _wireBytes[9];
            for (int index = 8; index < 16; index++)
            {
                buffer[offset + index] = _wireBytes[15 - index];
            }

            return Length;
        }

        /// <summary>Compares with 16 bytes in wire order. Does not allocate.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns><c>true</c> if all 16 bytes are equal.</returns>
        public bool MatchesWireBytes(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset + Length > buffer.Length)
            {
                return false;
            }

            for (int index = 0; index < Length; index++)
            {
                if (buffer[offset + index] != _wireBytes[index])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Compares with a UUID's text, ignoring case. Does not allocate.</summary>
        /// <param name="text">The text to compare.</param>
        /// <returns><c>true</c> if it spells this UUID.</returns>
        public bool MatchesText(string text)
        {
            if (text == null || text.Length != 36)
            {
                return false;
            }

            for (int index = 0; index < 36; index++)
            {
                char character = text[index];
                if (character >= 'A' && character <= 'F')
                {
                    character = (char)(character + ('a' - 'A'));
                }

                if (character != Text[index])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Returns the canonical text.</summary>
        /// <returns>The text, lower case.</returns>
        public override string ToString()
        {
            return Text;
        }

        private static string ToLowerCase(string text)
        {
            char[] lower = new char[text.Length];
            for (int index = 0; index < text.Length; index++)
            {
                char character = text[index];
                lower[index] = character >= 'A' && character <= 'F' ? (char)(character + ('a' - 'A')) : character;
            }

            return new string(lower, 0, lower.Length);
        }

        private static int HexValue(char character)
        {
            if (character >= '0' && character <= '9')
            {
                return character - '0';
            }

            if (character >= 'a' && character <= 'f')
            {
                return character - 'a' + 10;
            }

            if (character >= 'A' && character <= 'F')
            {
                return character - 'A' + 10;
            }

            return -1;
        }

        private static bool EndsWithBluetoothBase(string text)
        {
            int start = 36 - BluetoothBaseSuffix.Length;
            for (int index = 0; index < BluetoothBaseSuffix.Length; index++)
            {
                if (text[start + index] != BluetoothBaseSuffix[index])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
