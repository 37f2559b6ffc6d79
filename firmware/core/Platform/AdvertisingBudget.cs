namespace Wand.Core.Platform
{
    /// <summary>
    /// Fits the legacy advertising packet (31 bytes, Bluetooth Core Vol 3 Part C §11): Flags (3 bytes), the Wand
    /// service's 128-bit UUID as a Complete List (2 + 16 bytes) and the Complete Local Name (2 + name bytes).
    /// nanoFramework builds exactly these three sections from the device name; data that does not fit is dropped.
    /// </summary>
    public static class AdvertisingBudget
    {
        /// <summary>Legacy advertising payload, in bytes.</summary>
        public const int PayloadLength = 31;

        /// <summary>Flags AD structure: length, type 0x01, one flags byte.</summary>
        public const int FlagsLength = 3;

        /// <summary>Complete List of 128-bit Service UUIDs with one UUID: length, type 0x07, 16 bytes.</summary>
        public const int ServiceUuidLength = 18;

        /// <summary>Length and type bytes of the Complete Local Name structure (type 0x09).</summary>
        public const int NameOverhead = 2;

        /// <summary>Gets the longest device name, in UTF-8 bytes, that still fits next to flags and the 128-bit UUID.</summary>
        public static int MaximumNameLength
        {
            get { return PayloadLength - FlagsLength - ServiceUuidLength - NameOverhead; }
        }

        /// <summary>Builds the advertised device name: "Wand" and the last alphanumeric characters of the serial number.</summary>
        /// <param name="serialNumber">The provisioned serial number (A–Z, 0–9 and '-'), or <c>null</c>/empty when none.</param>
        /// <returns>An ASCII name of at most <see cref="MaximumNameLength"/> characters, for example "Wand3F2A".</returns>
        public static string DeviceName(string serialNumber)
        {
            const string Prefix = "Wand";
            int room = MaximumNameLength - Prefix.Length;
            if (serialNumber == null || serialNumber.Length == 0)
            {
                return Prefix;
            }

            char[] tail = new char[room];
            int count = 0;
            for (int index = serialNumber.Length - 1; index >= 0 && count < room; index--)
            {
                char character = serialNumber[index];
                bool usable = (character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9');
                if (usable)
                {
                    count++;
                    tail[room - count] = character;
                }
            }

            return Prefix + new string(tail, room - count, count);
        }

        /// <summary>Total advertising bytes for a name of the given length.</summary>
        /// <param name="nameLength">Device name length, in UTF-8 bytes.</param>
        /// <returns>Bytes used, to compare with <see cref="PayloadLength"/>.</returns>
        public static int UsedBytes(int nameLength)
        {
            return FlagsLength + ServiceUuidLength + NameOverhead + nameLength;
        }
    }
}
