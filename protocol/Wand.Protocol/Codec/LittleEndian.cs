namespace Wand.Protocol.Codec
{
    /// <summary>
    /// Little-endian reads and writes of the profile's integer fields, independent of the processor's byte order.
    /// Callers check bounds first; these helpers do not.
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>Writes an unsigned 16-bit value.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the low byte.</param>
        /// <param name="value">The value, 0 to 65535.</param>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a signed 16-bit value (two's complement).</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the low byte.</param>
        /// <param name="value">The value, −32768 to 32767.</param>
        public static void WriteInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes an unsigned 32-bit value.</summary>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the low byte.</param>
        /// <param name="value">The value.</param>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads an unsigned 16-bit value.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the low byte.</param>
        /// <returns>The value, 0 to 65535.</returns>
        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }

        /// <summary>Reads a signed 16-bit value (two's complement).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the low byte.</param>
        /// <returns>The value, −32768 to 32767.</returns>
        public static int ReadInt16(byte[] buffer, int offset)
        {
            return (short)(buffer[offset] | (buffer[offset + 1] << 8));
        }

        /// <summary>Reads an unsigned 32-bit value.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the low byte.</param>
        /// <returns>The value.</returns>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)buffer[offset] | ((uint)buffer[offset + 1] << 8) | ((uint)buffer[offset + 2] << 16) | ((uint)buffer[offset + 3] << 24);
        }
    }
}
