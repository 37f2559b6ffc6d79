using Wand.Core.Hardware;

namespace Wand.Core.Platform
{
    /// <summary>
    /// <see cref="IPersistentStorage"/> on a file system that cannot rename atomically (nanoFramework's <c>File.Move</c>
    /// refuses an existing destination, and <c>WriteAllBytes</c> truncates first). Each slot has two copies,
    /// "&lt;slot&gt;.a" and "&lt;slot&gt;.b", each framed with a sequence number, the length and a CRC-32. A write goes to
    /// the copy that does not hold the newest valid record, then is read back; a read returns the valid copy with the
    /// higher sequence. A power loss during a write therefore leaves the previous record readable.
    /// </summary>
    public sealed class AlternatingRecordStore : IPersistentStorage
    {
        /// <summary>Largest record, in bytes.</summary>
        public const int MaximumRecordLength = 256;

        /// <summary>Frame header: magic (2), sequence (4), length (2), CRC-32 (4), in bytes.</summary>
        public const int HeaderLength = 12;

        private const byte MagicFirst = 0x57;   // 'W'
        private const byte MagicSecond = 0x52;  // 'R'

        // Indexed by StorageSlot value * 2 (+1 for copy "b"); fixed strings so reads and writes allocate nothing.
        private static readonly string[] FileNames = new string[]
        {
            "calibration.a", "calibration.b", "settings.a", "settings.b", "identity.a", "identity.b",
            "history0.a", "history0.b", "history1.a", "history1.b", "history2.a", "history2.b", "history3.a", "history3.b",
            "sensors.a", "sensors.b",
        };

        private readonly IRecordFiles _files;
        private readonly byte[] _frame = new byte[HeaderLength + MaximumRecordLength];
        private readonly byte[] _check = new byte[HeaderLength + MaximumRecordLength];

        /// <summary>Initializes a new instance of the <see cref="AlternatingRecordStore"/> class.</summary>
        /// <param name="files">The file access.</param>
        public AlternatingRecordStore(IRecordFiles files)
        {
            if (files == null)
            {
                throw new System.ArgumentNullException(nameof(files));
            }

            _files = files;
        }

        /// <summary>Gets the file name of one copy of a slot.</summary>
        /// <param name="slot">The record.</param>
        /// <param name="second"><c>false</c> for copy "a", <c>true</c> for copy "b".</param>
        /// <returns>The file name, for example "calibration.b".</returns>
        public static string FileName(StorageSlot slot, bool second)
        {
            int index = (int)slot;
            if (index < 0 || index * 2 >= FileNames.Length)
            {
                throw new System.ArgumentOutOfRangeException(nameof(slot));
            }

            return FileNames[(index * 2) + (second ? 1 : 0)];
        }

        /// <inheritdoc/>
        public int Read(StorageSlot slot, byte[] buffer)
        {
            if (buffer == null)
            {
                throw new System.ArgumentNullException(nameof(buffer));
            }

            uint sequenceA;
            uint sequenceB;
            int lengthA = ReadValid(FileName(slot, false), _frame, out sequenceA);
            int lengthB = ReadValid(FileName(slot, true), _check, out sequenceB);
            byte[] source;
            int length;
            if (lengthA >= 0 && (lengthB < 0 || IsNewer(sequenceA, sequenceB)))
            {
                source = _frame;
                length = lengthA;
            }
            else if (lengthB >= 0)
            {
                source = _check;
                length = lengthB;
            }
            else
            {
                return 0;
            }

            if (length > buffer.Length)
            {
                return 0;
            }

            System.Array.Copy(source, HeaderLength, buffer, 0, length);
            return length;
        }

        /// <inheritdoc/>
        public bool Write(StorageSlot slot, byte[] data, int length)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException(nameof(data));
            }

            if (length < 1 || length > MaximumRecordLength || length > data.Length)
            {
                return false;
            }

            uint sequenceA;
            uint sequenceB;
            int lengthA = ReadValid(FileName(slot, false), _check, out sequenceA);
            int lengthB = ReadValid(FileName(slot, true), _check, out sequenceB);
            bool writeSecond;
            uint sequence;
            if (lengthA >= 0 && (lengthB < 0 || IsNewer(sequenceA, sequenceB)))
            {
                writeSecond = true;
                sequence = unchecked(sequenceA + 1);
            }
            else if (lengthB >= 0)
            {
                writeSecond = false;
                sequence = unchecked(sequenceB + 1);
            }
            else
            {
                writeSecond = false;
                sequence = 1;
            }

            BuildFrame(data, length, sequence);
            string name = FileName(slot, writeSecond);
            if (!_files.Write(name, _frame, HeaderLength + length))
            {
                return false;
            }

            uint readBack;
            int checkedLength = ReadValid(name, _check, out readBack);
            if (checkedLength != length || readBack != sequence)
            {
                return false;
            }

            for (int index = 0; index < length; index++)
            {
                if (_check[HeaderLength + index] != data[index])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsNewer(uint candidate, uint other)
        {
            // Serial-number arithmetic: the sequence may wrap after 4 billion writes.
            return unchecked((int)(candidate - other)) > 0;
        }

        private static void PutUInt32(byte[] target, int offset, uint value)
        {
            target[offset] = (byte)value;
            target[offset + 1] = (byte)(value >> 8);
            target[offset + 2] = (byte)(value >> 16);
            target[offset + 3] = (byte)(value >> 24);
        }

        private static uint GetUInt32(byte[] source, int offset)
        {
            return source[offset] | ((uint)source[offset + 1] << 8) | ((uint)source[offset + 2] << 16) | ((uint)source[offset + 3] << 24);
        }

        private void BuildFrame(byte[] data, int length, uint sequence)
        {
            _frame[0] = MagicFirst;
            _frame[1] = MagicSecond;
            PutUInt32(_frame, 2, sequence);
            _frame[6] = (byte)length;
            _frame[7] = (byte)(length >> 8);
            System.Array.Copy(data, 0, _frame, HeaderLength, length);
            PutUInt32(_frame, 8, Wand.Protocol.Crc32.Compute(_frame, HeaderLength, length));
        }

        private int ReadValid(string name, byte[] frame, out uint sequence)
        {
            sequence = 0;
            int read = _files.Read(name, frame);
            if (read < HeaderLength || read > frame.Length)
            {
                return -1;
            }

            if (frame[0] != MagicFirst || frame[1] != MagicSecond)
            {
                return -1;
            }

            int length = frame[6] | (frame[7] << 8);
            if (length < 1 || length > MaximumRecordLength || HeaderLength + length != read)
            {
                return -1;
            }

            if (GetUInt32(frame, 8) != Wand.Protocol.Crc32.Compute(frame, HeaderLength, length))
            {
                return -1;
            }

            sequence = GetUInt32(frame, 2);
            return length;
        }
    }
}
