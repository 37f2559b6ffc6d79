using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Framing
{
    /// <summary>
    /// Writes stream frames (see <see cref="FrameFormat"/>) into a caller's buffer. Allocation-free; each method
    /// returns the frame length, or 0 when the body is too long or the destination too small.
    /// </summary>
    public static class FrameEncoder
    {
        /// <summary>Writes a frame with an arbitrary body.</summary>
        /// <param name="operation">The operation.</param>
        /// <param name="sequence">Sequence number, 0 to 255.</param>
        /// <param name="characteristic">Characteristic index, or <see cref="FrameFormat.NoCharacteristic"/>.</param>
        /// <param name="body">Body source; may be <c>null</c> when <paramref name="bodyLength"/> is 0.</param>
        /// <param name="bodyOffset">Index of the body's first byte in <paramref name="body"/>.</param>
        /// <param name="bodyLength">Body length, 0 to <see cref="FrameFormat.MaximumBodyLength"/>.</param>
        /// <param name="destination">Destination buffer.</param>
        /// <param name="destinationOffset">Index of the frame's first byte.</param>
        /// <returns>The frame length in bytes, or 0 if it does not fit.</returns>
        public static int Encode(FrameOperation operation, int sequence, int characteristic, byte[] body, int bodyOffset, int bodyLength, byte[] destination, int destinationOffset)
        {
            if (!BeginFrame(operation, sequence, characteristic, bodyLength, destination, destinationOffset))
            {
                return 0;
            }

            if (bodyLength > 0)
            {
                System.Array.Copy(body, bodyOffset, destination, destinationOffset + FrameFormat.BodyOffset, bodyLength);
            }

            return FinishFrame(bodyLength, destination, destinationOffset);
        }

        /// <summary>Writes a read request (body: offset u16).</summary>
        /// <param name="sequence">Sequence number, 0 to 255.</param>
        /// <param name="characteristic">Characteristic index.</param>
        /// <param name="valueOffset">Read offset; the device accepts only 0.</param>
        /// <param name="destination">Destination buffer.</param>
        /// <param name="destinationOffset">Index of the frame's first byte.</param>
        /// <returns>The frame length in bytes, or 0 if it does not fit.</returns>
        public static int EncodeReadRequest(int sequence, int characteristic, int valueOffset, byte[] destination, int destinationOffset)
        {
            if (!BeginFrame(FrameOperation.ReadRequest, sequence, characteristic, 2, destination, destinationOffset))
            {
                return 0;
            }

            LittleEndian.WriteUInt16(destination, destinationOffset + FrameFormat.BodyOffset, valueOffset);
            return FinishFrame(2, destination, destinationOffset);
        }

        /// <summary>Writes a write request (body: offset u16, value) or a write command (body: value).</summary>
        /// <param name="withResponse"><c>true</c> for a write request, <c>false</c> for a write command.</param>
        /// <param name="sequence">Sequence number, 0 to 255.</param>
        /// <param name="characteristic">Characteristic index.</param>
        /// <param name="valueOffset">Write offset (write request only); the device accepts only 0.</param>
        /// <param name="value">Value source.</param>
        /// <param name="offset">Index of the value's first byte.</param>
        /// <param name="length">Value length, 0 to <see cref="FrameFormat.MaximumValueLength"/>.</param>
        /// <param name="destination">Destination buffer.</param>
        /// <param name="destinationOffset">Index of the frame's first byte.</param>
        /// <returns>The frame length in bytes, or 0 if it does not fit.</returns>
        public static int EncodeWrite(bool withResponse, int sequence, int characteristic, int valueOffset, byte[] value, int offset, int length, byte[] destination, int destinationOffset)
        {
            if (length < 0 || length > FrameFormat.MaximumValueLength)
            {
                return 0;
            }

            if (!withResponse)
            {
                return Encode(FrameOperation.WriteCommand, sequence, characteristic, value, offset, length, destination, destinationOffset);
            }

            if (!BeginFrame(FrameOperation.WriteRequest, sequence, characteristic, 2 + length, destination, destinationOffset))
            {
                return 0;
            }

            LittleEndian.WriteUInt16(destination, destinationOffset + FrameFormat.BodyOffset, valueOffset);
            if (length > 0)
            {
                System.Array.Copy(value, offset, destination, destinationOffset + FrameFormat.BodyOffset + 2, length);
            }

            return FinishFrame(2 + length, destination, destinationOffset);
        }

        /// <summary>Writes an error response (body: request operation u8, ATT error u8).</summary>
        /// <param name="sequence">The request's sequence number.</param>
        /// <param name="characteristic">The request's characteristic byte.</param>
        /// <param name="requestOperation">The operation that failed.</param>
        /// <param name="error">The ATT error.</param>
        /// <param name="destination">Destination buffer.</param>
        /// <param name="destinationOffset">Index of the frame's first byte.</param>
        /// <returns>The frame length in bytes, or 0 if it does not fit.</returns>
        public static int EncodeError(int sequence, int characteristic, FrameOperation requestOperation, AttError error, byte[] destination, int destinationOffset)
        {
            if (!BeginFrame(FrameOperation.ErrorResponse, sequence, characteristic, 2, destination, destinationOffset))
            {
                return 0;
            }

            destination[destinationOffset + FrameFormat.BodyOffset] = (byte)requestOperation;
            destination[destinationOffset + FrameFormat.BodyOffset + 1] = (byte)error;
            return FinishFrame(2, destination, destinationOffset);
        }

        /// <summary>Writes a link-control request (body: command u8, flags u8).</summary>
        /// <param name="sequence">Sequence number, 0 to 255.</param>
        /// <param name="command">The command.</param>
        /// <param name="flags">Requested flags (connect), otherwise <see cref="LinkOptions.None"/>.</param>
        /// <param name="destination">Destination buffer.</param>
        /// <param name="destinationOffset">Index of the frame's first byte.</param>
        /// <returns>The frame length in bytes, or 0 if it does not fit.</returns>
        public static int EncodeLinkControl(int sequence, LinkCommand command, LinkOptions flags, byte[] destination, int destinationOffset)
        {
            if (!BeginFrame(FrameOperation.LinkControlRequest, sequence, FrameFormat.NoCharacteristic, 2, destination, destinationOffset))
            {
                return 0;
            }

            destination[destinationOffset + FrameFormat.BodyOffset] = (byte)command;
            destination[destinationOffset + FrameFormat.BodyOffset + 1] = (byte)flags;
            return FinishFrame(2, destination, destinationOffset);
        }

        /// <summary>Writes a link-control response (body: command u8, result u8, granted flags u8).</summary>
        /// <param name="sequence">The request's sequence number.</param>
        /// <param name="command">The command answered.</param>
        /// <param name="result">0 when done, otherwise the ATT error (0x05: encryption refused, pairing window closed).</param>
        /// <param name="flags">The link flags now in force.</param>
        /// <param name="destination">Destination buffer.</param>
        /// <param name="destinationOffset">Index of the frame's first byte.</param>
        /// <returns>The frame length in bytes, or 0 if it does not fit.</returns>
        public static int EncodeLinkControlResponse(int sequence, LinkCommand command, AttError result, LinkOptions flags, byte[] destination, int destinationOffset)
        {
            if (!BeginFrame(FrameOperation.LinkControlResponse, sequence, FrameFormat.NoCharacteristic, 3, destination, destinationOffset))
            {
                return 0;
            }

            destination[destinationOffset + FrameFormat.BodyOffset] = (byte)command;
            destination[destinationOffset + FrameFormat.BodyOffset + 1] = (byte)result;
            destination[destinationOffset + FrameFormat.BodyOffset + 2] = (byte)flags;
            return FinishFrame(3, destination, destinationOffset);
        }

        private static bool BeginFrame(FrameOperation operation, int sequence, int characteristic, int bodyLength, byte[] destination, int destinationOffset)
        {
            if (bodyLength < 0 || bodyLength > FrameFormat.MaximumBodyLength || destination == null || destinationOffset < 0
                || destinationOffset + FrameFormat.Overhead + bodyLength > destination.Length)
            {
                return false;
            }

            destination[destinationOffset] = FrameFormat.StartMarker1;
            destination[destinationOffset + 1] = FrameFormat.StartMarker2;
            LittleEndian.WriteUInt16(destination, destinationOffset + FrameFormat.LengthOffset, FrameFormat.HeaderFieldsLength + bodyLength);
            destination[destinationOffset + FrameFormat.OperationOffset] = (byte)operation;
            destination[destinationOffset + FrameFormat.SequenceOffset] = (byte)sequence;
            destination[destinationOffset + FrameFormat.CharacteristicOffset] = (byte)characteristic;
            return true;
        }

        private static int FinishFrame(int bodyLength, byte[] destination, int destinationOffset)
        {
            int crcOffset = destinationOffset + FrameFormat.BodyOffset + bodyLength;
            uint crc = Crc32.Compute(destination, destinationOffset + FrameFormat.LengthOffset, crcOffset - destinationOffset - FrameFormat.LengthOffset);
            LittleEndian.WriteUInt32(destination, crcOffset, crc);
            return FrameFormat.Overhead + bodyLength;
        }
    }
}
