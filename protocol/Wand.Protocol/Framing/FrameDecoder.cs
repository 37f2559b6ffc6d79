using Wand.Protocol.Codec;

namespace Wand.Protocol.Framing
{
    /// <summary>
    /// Finds frames (see <see cref="FrameFormat"/>) in a byte stream. Bytes before a start marker are skipped; a length
    /// field outside 3 to <see cref="FrameFormat.MaximumLengthField"/> or a CRC mismatch drops the false start and the
    /// search resumes at the next start marker inside the bytes already received, so a frame that follows garbage is
    /// still found. Holds one fixed buffer of <see cref="FrameFormat.MaximumFrameLength"/> bytes; never allocates after
    /// construction.
    /// </summary>
    /// <example>
    /// <code>
    /// while (count &gt; 0)
    /// {
    ///     int used = decoder.Feed(data, offset, count);
    ///     offset += used; count -= used;
    ///     if (decoder.IsFrameReady) { Handle(decoder); }
    /// }
    /// </code>
    /// </example>
    public sealed class FrameDecoder
    {
        private readonly byte[] _buffer = new byte[FrameFormat.MaximumFrameLength];
        private int _count;
        private int _frameLength;

        /// <summary>Gets a value indicating whether a complete, CRC-checked frame is available until the next <see cref="Feed"/>.</summary>
        public bool IsFrameReady
        {
            get { return _frameLength > 0; }
        }

        /// <summary>Gets the ready frame's operation byte (it may be a value <see cref="FrameOperation"/> does not define).</summary>
        public FrameOperation Operation
        {
            get { return (FrameOperation)_buffer[FrameFormat.OperationOffset]; }
        }

        /// <summary>Gets the ready frame's sequence number, 0 to 255.</summary>
        public int Sequence
        {
            get { return _buffer[FrameFormat.SequenceOffset]; }
        }

        /// <summary>Gets the ready frame's characteristic byte, 0 to 255.</summary>
        public int Characteristic
        {
            get { return _buffer[FrameFormat.CharacteristicOffset]; }
        }

        /// <summary>Gets the buffer holding the ready frame; the body starts at <see cref="FrameFormat.BodyOffset"/>. Do not keep it.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Gets the ready frame's body length, in bytes.</summary>
        public int BodyLength
        {
            get { return _frameLength > 0 ? _frameLength - FrameFormat.Overhead : 0; }
        }

        /// <summary>Gets the number of frames decoded.</summary>
        public long FramesDecoded { get; private set; }

        /// <summary>Gets the number of bytes skipped while searching for a start marker or dropping false starts.</summary>
        public long DiscardedBytes { get; private set; }

        /// <summary>Gets the number of candidate frames dropped for a CRC mismatch.</summary>
        public long CrcErrors { get; private set; }

        /// <summary>Gets the number of candidate frames dropped for a length field out of range.</summary>
        public long LengthErrors { get; private set; }

        /// <summary>
        /// Consumes bytes until a frame is ready or the input is used up. A ready frame stays available until the next call.
        /// </summary>
        /// <param name="data">Received bytes.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="count">Number of bytes available.</param>
        /// <returns>Bytes consumed; fewer than <paramref name="count"/> only when <see cref="IsFrameReady"/> is <c>true</c>.</returns>
        public int Feed(byte[] data, int offset, int count)
        {
            if (_frameLength > 0)
            {
                Remove(_frameLength);
                _frameLength = 0;
                if (Scan())
                {
                    return 0;
                }
            }

            for (int used = 0; used < count; used++)
            {
                byte value = data[offset + used];
                if (_count == 0 && value != FrameFormat.StartMarker1)
                {
                    DiscardedBytes++;
                    continue;
                }

                _buffer[_count++] = value;
                if (Scan())
                {
                    return used + 1;
                }
            }

            return count;
        }

        /// <summary>Drops any partial frame (for example after an idle gap on a UART). Counters are kept.</summary>
        public void Reset()
        {
            DiscardedBytes += _count - _frameLength;
            _count = 0;
            _frameLength = 0;
        }

        /// <summary>Examines the buffered bytes; returns <c>true</c> when a frame is ready at the start.</summary>
        private bool Scan()
        {
            while (_count > 0)
            {
                if (_buffer[0] != FrameFormat.StartMarker1)
                {
                    DropFalseStart();
                    continue;
                }

                if (_count < 2)
                {
                    return false;
                }

                if (_buffer[1] != FrameFormat.StartMarker2)
                {
                    DropFalseStart();
                    continue;
                }

                if (_count < FrameFormat.OperationOffset)
                {
                    return false;
                }

                int lengthField = LittleEndian.ReadUInt16(_buffer, FrameFormat.LengthOffset);
                if (lengthField < FrameFormat.MinimumLengthField || lengthField > FrameFormat.MaximumLengthField)
                {
                    LengthErrors++;
                    DropFalseStart();
                    continue;
                }

                int frameLength = FrameFormat.OperationOffset + lengthField + FrameFormat.CrcLength;
                if (_count < frameLength)
                {
                    return false;
                }

                int crcOffset = frameLength - FrameFormat.CrcLength;
                uint expected = LittleEndian.ReadUInt32(_buffer, crcOffset);
                if (Crc32.Compute(_buffer, FrameFormat.LengthOffset, crcOffset - FrameFormat.LengthOffset) != expected)
                {
                    CrcErrors++;
                    DropFalseStart();
                    continue;
                }

                _frameLength = frameLength;
                FramesDecoded++;
                return true;
            }

            return false;
        }

        /// <summary>Drops the byte at the start and everything up to the next first marker byte.</summary>
        private void DropFalseStart()
        {
            int next = 1;
            while (next < _count && _buffer[next] != FrameFormat.StartMarker1)
            {
                next++;
            }

            DiscardedBytes += next;
            Remove(next);
        }

        private void Remove(int length)
        {
            int remaining = _count - length;
            if (remaining > 0)
            {
                System.Array.Copy(_buffer, length, _buffer, 0, remaining);
            }

            _count = remaining;
        }
    }
}
