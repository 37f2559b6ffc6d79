using Wand.Protocol.Profile;

namespace Wand.Protocol.Messages
{
    /// <summary>The Battery Level value (0x2A19, Battery Service 0x180F): one byte, percent, 0 to 100.</summary>
    public static class BatteryLevel
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 1;

        /// <summary>Highest valid value, in percent.</summary>
        public const int MaximumPercent = 100;

        /// <summary>Writes the value, limited to 0 to 100.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the byte.</param>
        /// <param name="percent">State of charge, in percent.</param>
        /// <returns>Number of bytes written: 1.</returns>
        public static int Encode(byte[] buffer, int offset, int percent)
        {
            buffer[offset] = (byte)(percent < 0 ? 0 : percent > MaximumPercent ? MaximumPercent : percent);
            return Length;
        }

        /// <summary>Reads the value: exactly 1 byte (0x0D), 0 to 100 (0x13; other values are reserved).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <param name="percent">State of charge, in percent; 0 on error.</param>
        /// <returns><see cref="AttError.Success"/>, or the error.</returns>
        public static AttError Decode(byte[] buffer, int offset, int length, out int percent)
        {
            percent = 0;
            if (length != Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (buffer[offset] > MaximumPercent)
            {
                return AttError.ValueNotAllowed;
            }

            percent = buffer[offset];
            return AttError.Success;
        }
    }
}
