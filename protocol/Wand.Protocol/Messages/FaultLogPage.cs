using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// One page of the fault log (characteristic "fault-log", SR-17). The log holds up to 16 entries, newest first
    /// (entry 0 is the most recent fault). A read returns 2 to 20 bytes: total entries u8 (0–16), index of the first
    /// entry on this page u8, then up to 3 entries of 6 bytes: code u8, context u8, milliseconds since boot u32.
    /// A 1-byte write (0–15) selects the first entry of the pages that follow; a selection at or past the number of
    /// entries reads the first page.
    /// </summary>
    public sealed class FaultLogPage
    {
        /// <summary>Entries the log keeps (SR-17).</summary>
        public const int Capacity = 16;

        /// <summary>Entries on one page, so a page fits the default ATT MTU.</summary>
        public const int EntriesPerPage = 3;

        /// <summary>Bytes per entry.</summary>
        public const int EntryLength = 6;

        /// <summary>Page header length, in bytes.</summary>
        public const int HeaderLength = 2;

        /// <summary>Longest page, in bytes.</summary>
        public const int MaximumLength = HeaderLength + (EntriesPerPage * EntryLength);

        /// <summary>Length of the page-selection write, in bytes.</summary>
        public const int SelectionLength = 1;

        private readonly byte[] _codes = new byte[EntriesPerPage];
        private readonly byte[] _contexts = new byte[EntriesPerPage];
        private readonly uint[] _times = new uint[EntriesPerPage];

        /// <summary>Gets or sets the number of entries in the whole log, 0 to 16.</summary>
        public int TotalEntries { get; set; }

        /// <summary>Gets or sets the log index of this page's first entry, 0 to 15 (0 = newest).</summary>
        public int FirstIndex { get; set; }

        /// <summary>Gets the number of entries on this page, 0 to 3.</summary>
        public int Count { get; private set; }

        /// <summary>Validates a page-selection write: exactly 1 byte (0x0D), value 0 to 15 (0x89).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the byte.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <param name="firstIndex">The selected first entry, 0 to 15; 0 on error.</param>
        /// <returns><see cref="AttError.Success"/>, or the error to send.</returns>
        public static AttError DecodeSelection(byte[] buffer, int offset, int length, out int firstIndex)
        {
            firstIndex = 0;
            if (length != SelectionLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (buffer[offset] >= Capacity)
            {
                return AttError.PageOutOfRange;
            }

            firstIndex = buffer[offset];
            return AttError.Success;
        }

        /// <summary>Empties the page and sets its header.</summary>
        /// <param name="totalEntries">Entries in the whole log, 0 to 16.</param>
        /// <param name="firstIndex">Log index of the page's first entry, 0 to 15.</param>
        public void Clear(int totalEntries, int firstIndex)
        {
            TotalEntries = totalEntries;
            FirstIndex = firstIndex;
            Count = 0;
        }

        /// <summary>Appends an entry, if the page has room.</summary>
        /// <param name="code">Fault code.</param>
        /// <param name="context">Fault-specific context byte (for example the level, or the head reading's band).</param>
        /// <param name="millisecondsSinceBoot">When it happened, in milliseconds since boot.</param>
        /// <returns><c>true</c> if added; <c>false</c> when the page already holds 3 entries.</returns>
        public bool Add(FaultCode code, int context, uint millisecondsSinceBoot)
        {
            if (Count >= EntriesPerPage)
            {
                return false;
            }

            _codes[Count] = (byte)code;
            _contexts[Count] = (byte)context;
            _times[Count] = millisecondsSinceBoot;
            Count++;
            return true;
        }

        /// <summary>Gets the code of an entry on this page.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The fault code.</returns>
        public FaultCode CodeAt(int position)
        {
            return (FaultCode)_codes[position];
        }

        /// <summary>Gets the context byte of an entry on this page.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The context, 0 to 255.</returns>
        public int ContextAt(int position)
        {
            return _contexts[position];
        }

        /// <summary>Gets the time of an entry on this page.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>Milliseconds since boot.</returns>
        public uint MillisecondsAt(int position)
        {
            return _times[position];
        }

        /// <summary>Writes the page.</summary>
        /// <param name="buffer">Destination, at least 20 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written, 2 to 20.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)TotalEntries;
            buffer[offset + 1] = (byte)FirstIndex;
            int position = offset + HeaderLength;
            for (int entry = 0; entry < Count; entry++)
            {
                buffer[position] = _codes[entry];
                buffer[position + 1] = _contexts[entry];
                LittleEndian.WriteUInt32(buffer, position + 2, _times[entry]);
                position += EntryLength;
            }

            return position - offset;
        }

        /// <summary>
        /// Reads a page: length 2 + 6·n with n 0 to 3 (0x0D); total at most 16 and first index at most 15 (0x13).
        /// </summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < HeaderLength || length > MaximumLength || (length - HeaderLength) % EntryLength != 0)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (buffer[offset] > Capacity || buffer[offset + 1] >= Capacity)
            {
                return AttError.ValueNotAllowed;
            }

            Clear(buffer[offset], buffer[offset + 1]);
            for (int position = offset + HeaderLength; position < offset + length; position += EntryLength)
            {
                Add((FaultCode)buffer[position], buffer[position + 1], LittleEndian.ReadUInt32(buffer, position + 2));
            }

            return AttError.Success;
        }
    }
}
