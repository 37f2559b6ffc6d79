using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The head value (characteristic "head", read and notify), 3 to 20 bytes: identity u8, maximum level u8,
    /// allowed-pattern mask u8 (bit n = pattern n), then the name as printable ASCII, 0 to 17 bytes, to the end.
    /// </summary>
    public sealed class HeadReport
    {
        /// <summary>Length without the name, in bytes.</summary>
        public const int MinimumLength = 3;

        /// <summary>Longest name, in ASCII characters; longer names are truncated when encoded.</summary>
        public const int MaximumNameLength = 17;

        /// <summary>Longest value, in bytes.</summary>
        public const int MaximumLength = MinimumLength + MaximumNameLength;

        private readonly byte[] _name = new byte[MaximumNameLength];

        /// <summary>Gets or sets the head identity.</summary>
        public HeadIdentity Identity { get; set; }

        /// <summary>Gets or sets the head's maximum level, 0 (no head) to 5.</summary>
        public int MaximumLevel { get; set; }

        /// <summary>Gets or sets the allowed-pattern mask, bit n = <see cref="PatternKind"/> n.</summary>
        public int AllowedPatterns { get; set; }

        /// <summary>Gets the number of name bytes held, 0 to 17.</summary>
        public int NameLength { get; private set; }

        /// <summary>
        /// Sets the name from a string: printable ASCII, truncated to 17 characters, other characters become '?'.
        /// Does not allocate.
        /// </summary>
        /// <param name="name">The name; <c>null</c> clears it.</param>
        public void SetName(string name)
        {
            NameLength = AsciiText.Encode(name, _name, 0, MaximumNameLength);
        }

        /// <summary>Gets the name as a string. Allocates; meant for host code and tests.</summary>
        /// <returns>The name.</returns>
        public string GetName()
        {
            return AsciiText.Decode(_name, 0, NameLength);
        }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 20 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written, 3 to 20.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Identity;
            buffer[offset + 1] = (byte)MaximumLevel;
            buffer[offset + 2] = (byte)AllowedPatterns;
            System.Array.Copy(_name, 0, buffer, offset + MinimumLength, NameLength);
            return MinimumLength + NameLength;
        }

        /// <summary>Reads the value: length 3 to 20 (0x0D) and a printable name (0x13).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < MinimumLength || length > MaximumLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            int nameLength = length - MinimumLength;
            if (!AsciiText.IsPrintable(buffer, offset + MinimumLength, nameLength))
            {
                return AttError.ValueNotAllowed;
            }

            Identity = (HeadIdentity)buffer[offset];
            MaximumLevel = buffer[offset + 1];
            AllowedPatterns = buffer[offset + 2];
            System.Array.Copy(buffer, offset + MinimumLength, _name, 0, nameLength);
            NameLength = nameLength;
            return AttError.Success;
        }
    }
}
