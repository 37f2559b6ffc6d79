namespace Wand.Protocol
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3 (reflected, polynomial 0xEDB88320, initial value 0xFFFFFFFF, final XOR 0xFFFFFFFF;
    /// the check value of the ASCII bytes "123456789" is 0xCBF43926). Used by the calibration record (SR-16) and by the
    /// stream framing. The lookup table is built once, on first use; no call allocates.
    /// </summary>
    public static class Crc32
    {
        /// <summary>The reflected IEEE 802.3 polynomial.</summary>
        public const uint ReflectedPolynomial = 0xEDB88320;

        /// <summary>The value to start an incremental computation with (see <c>Update</c>).</summary>
        public const uint InitialState = 0xFFFFFFFF;

        private static readonly uint[] Table = BuildTable();

        /// <summary>Computes the CRC-32 of a byte range.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="count">Number of bytes, 0 or more.</param>
        /// <returns>The finished CRC-32.</returns>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(InitialState, data, offset, count));
        }

        /// <summary>Feeds bytes into an incremental computation started with <see cref="InitialState"/>.</summary>
        /// <param name="state">The running state.</param>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="count">Number of bytes, 0 or more.</param>
        /// <returns>The new running state; pass it to <see cref="Finish"/> for the CRC.</returns>
        public static uint Update(uint state, byte[] data, int offset, int count)
        {
            uint[] table = Table;
            int end = offset + count;
            for (int index = offset; index < end; index++)
            {
                state = table[(state ^ data[index]) & 0xFF] ^ (state >> 8);
            }

            return state;
        }

        /// <summary>Feeds one byte into an incremental computation.</summary>
        /// <param name="state">The running state.</param>
        /// <param name="value">The byte.</param>
        /// <returns>The new running state.</returns>
        public static uint Update(uint state, byte value)
        {
            return Table[(state ^ value) & 0xFF] ^ (state >> 8);
        }

        /// <summary>Finishes an incremental computation.</summary>
        /// <param name="state">The running state.</param>
        /// <returns>The CRC-32.</returns>
        public static uint Finish(uint state)
        {
            return state ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint entry = 0; entry < 256; entry++)
            {
                uint value = entry;
                for (int bit = 0; bit < 8; bit++)
                {
                    value = (value & 1) != 0 ? (value >> 1) ^ ReflectedPolynomial : value >> 1;
                }

                table[entry] = value;
            }

            return table;
        }
    }
}
