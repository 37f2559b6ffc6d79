using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Framing
{
    /// <summary>
    /// Checks a decoded request's body against its operation, for the serving side. A failure is answered with an
    /// error response carrying <see cref="AttError.InvalidPdu"/> (or <see cref="AttError.RequestNotSupported"/> for an
    /// operation a client may not send).
    /// </summary>
    public static class FrameBody
    {
        /// <summary>Length of the offset prefix of read and write requests.</summary>
        public const int OffsetLength = 2;

        /// <summary>Validates a request body and splits off the value.</summary>
        /// <param name="operation">The frame's operation.</param>
        /// <param name="buffer">The decoder's buffer.</param>
        /// <param name="bodyOffset">Index of the body.</param>
        /// <param name="bodyLength">Body length.</param>
        /// <param name="valueOffset">Read or write offset from the body (read and write requests), else 0.</param>
        /// <param name="dataOffset">Index in <paramref name="buffer"/> of the value (writes) or command bytes (link control).</param>
        /// <param name="dataLength">Length of that value.</param>
        /// <returns><see cref="AttError.Success"/>, <see cref="AttError.InvalidPdu"/> or <see cref="AttError.RequestNotSupported"/>.</returns>
        public static AttError CheckRequest(FrameOperation operation, byte[] buffer, int bodyOffset, int bodyLength, out int valueOffset, out int dataOffset, out int dataLength)
        {
            valueOffset = 0;
            dataOffset = bodyOffset;
            dataLength = 0;
            switch (operation)
            {
                case FrameOperation.ReadRequest:
                    if (bodyLength != OffsetLength)
                    {
                        return AttError.InvalidPdu;
                    }

                    valueOffset = LittleEndian.ReadUInt16(buffer, bodyOffset);
                    return AttError.Success;
                case FrameOperation.WriteRequest:
                    if (bodyLength < OffsetLength)
                    {
                        return AttError.InvalidPdu;
                    }

                    valueOffset = LittleEndian.ReadUInt16(buffer, bodyOffset);
                    dataOffset = bodyOffset + OffsetLength;
                    dataLength = bodyLength - OffsetLength;
                    return AttError.Success;
                case FrameOperation.WriteCommand:
                    dataLength = bodyLength;
                    return AttError.Success;
                case FrameOperation.SubscribeRequest:
                case FrameOperation.UnsubscribeRequest:
                    return bodyLength == 0 ? AttError.Success : AttError.InvalidPdu;
                case FrameOperation.LinkControlRequest:
                    if (bodyLength != 2)
                    {
                        return AttError.InvalidPdu;
                    }

                    dataLength = 2;
                    return AttError.Success;
                default:
                    return AttError.RequestNotSupported;
            }
        }
    }
}
