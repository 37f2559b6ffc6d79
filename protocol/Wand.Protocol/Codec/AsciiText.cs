namespace Wand.Protocol.Codec
{
    /// <summary>
    /// Printable-ASCII text fields (head name, serial number, Device Information strings). The profile carries text as
    /// bytes 0x20 to 0x7E with no terminator and no length prefix: the field runs to the end of the value.
    /// </summary>
    public static class AsciiText
    {
        /// <summary>The byte written in place of a character outside printable ASCII.</summary>
        public const byte Replacement = (byte)'?';

        /// <summary>
        /// Writes a string as printable ASCII, truncated to <paramref name="maximumLength"/> characters; any character
        /// outside 0x20 to 0x7E becomes <see cref="Replacement"/>. Does not allocate.
        /// </summary>
        /// <param name="text">The text; <c>null</c> writes nothing.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="maximumLength">Most bytes to write.</param>
        /// <returns>Number of bytes written.</returns>
        public static int Encode(string text, byte[] buffer, int offset, int maximumLength)
        {
            if (text == null)
            {
                return 0;
            }

            int length = text.Length < maximumLength ? text.Length : maximumLength;
            for (int index = 0; index < length; index++)
            {
                char character = text[index];
                buffer[offset + index] = character >= ' ' && character <= '~' ? (byte)character : Replacement;
            }

            return length;
        }

        /// <summary>Tells whether every byte of a range is printable ASCII (0x20 to 0x7E).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes.</param>
        /// <returns><c>true</c> if all bytes are printable.</returns>
        public static bool IsPrintable(byte[] buffer, int offset, int length)
        {
            for (int index = offset; index < offset + length; index++)
            {
                if (buffer[index] < 0x20 || buffer[index] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Builds a string from ASCII bytes. Allocates; meant for host code and tests.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes.</param>
        /// <returns>The text.</returns>
        public static string Decode(byte[] buffer, int offset, int length)
        {
            char[] characters = new char[length];
            for (int index = 0; index < length; index++)
            {
                characters[index] = (char)buffer[offset + index];
            }

            return new string(characters, 0, length);
        }
    }
}
