using System;
using Wand.Core.Gatt;
using Wand.Protocol.Framing;
using Wand.Protocol.Profile;

namespace Wand.Host.Serving;

/// <summary>
/// The serving side of the framing (PROFILE.md §11) for one client: turns a decoded request frame into calls on the
/// firmware's <see cref="IGattServer"/> and writes the answer frame. Tracks the client's link (Connect, Disconnect)
/// and reports link up and down to the firmware. The local stream is treated as an encrypted, bonded link: a client
/// that asks for encryption at Connect gets it, as a bonded phone would. Not thread-safe; call under the host's lock.
/// </summary>
public sealed class FramedGattResponder
{
    private readonly byte[] readBuffer = new byte[FrameFormat.MaximumValueLength];

    /// <summary>Gets a value indicating whether the client's link is up (after Connect, before Disconnect).</summary>
    public bool IsLinkUp { get; private set; }

    /// <summary>Gets a value indicating whether the link is encrypted.</summary>
    public bool IsEncrypted { get; private set; }

    /// <summary>Gets a value indicating whether the last request was a write the firmware took (a write command, or a write request it accepted).</summary>
    public bool WriteApplied { get; private set; }

    /// <summary>Answers one request.</summary>
    /// <param name="gatt">The firmware's GATT server.</param>
    /// <param name="factoryMode">Whether the firmware is in factory mode now.</param>
    /// <param name="decoder">The decoder holding a ready frame.</param>
    /// <param name="answer">Destination of the answer frame, at least <see cref="FrameFormat.MaximumFrameLength"/> bytes.</param>
    /// <returns>The answer's length in bytes; 0 when the request is not answered (a write command).</returns>
    public int Respond(IGattServer gatt, bool factoryMode, FrameDecoder decoder, byte[] answer)
    {
        ArgumentNullException.ThrowIfNull(gatt);
        ArgumentNullException.ThrowIfNull(decoder);
        FrameOperation operation = decoder.Operation;
        WriteApplied = false;
        int sequence = decoder.Sequence;
        int characteristic = decoder.Characteristic;
        byte[] buffer = decoder.Buffer;
        AttError shape = FrameBody.CheckRequest(operation, buffer, FrameFormat.BodyOffset, decoder.BodyLength, out int valueOffset, out int dataOffset, out int dataLength);
        if (shape != AttError.Success)
        {
            return operation == FrameOperation.WriteCommand ? 0 : FrameEncoder.EncodeError(sequence, characteristic, operation, shape, answer, 0);
        }

        switch (operation)
        {
            case FrameOperation.LinkControlRequest:
                return LinkControl(gatt, sequence, (LinkCommand)buffer[dataOffset], (LinkOptions)buffer[dataOffset + 1], answer);

            case FrameOperation.ReadRequest:
                {
                    AttError access = AccessRules.CheckRead(characteristic, valueOffset, IsEncrypted, factoryMode);
                    if (access != AttError.Success)
                    {
                        return FrameEncoder.EncodeError(sequence, characteristic, operation, access, answer, 0);
                    }

                    byte code = gatt.Read(characteristic, readBuffer, out int length);
                    return code == 0
                        ? FrameEncoder.Encode(FrameOperation.ReadResponse, sequence, characteristic, readBuffer, 0, length, answer, 0)
                        : FrameEncoder.EncodeError(sequence, characteristic, operation, (AttError)code, answer, 0);
                }

            case FrameOperation.WriteRequest:
            case FrameOperation.WriteCommand:
                {
                    byte[] value = buffer.AsSpan(dataOffset, dataLength).ToArray();
                    bool withResponse = operation == FrameOperation.WriteRequest;
                    byte code = gatt.Write(characteristic, value, valueOffset, withResponse);
                    WriteApplied = !withResponse || code == 0;
                    if (!withResponse)
                    {
                        return 0;
                    }

                    return code == 0
                        ? FrameEncoder.Encode(FrameOperation.WriteResponse, sequence, characteristic, null!, 0, 0, answer, 0)
                        : FrameEncoder.EncodeError(sequence, characteristic, operation, (AttError)code, answer, 0);
                }

            case FrameOperation.SubscribeRequest:
            case FrameOperation.UnsubscribeRequest:
                {
                    bool subscribe = operation == FrameOperation.SubscribeRequest;
                    AttError access = subscribe
                        ? AccessRules.CheckSubscribe(characteristic, IsEncrypted, factoryMode)
                        : characteristic < WandProfile.CharacteristicCount ? AttError.Success : AttError.InvalidHandle;
                    if (access != AttError.Success)
                    {
                        return FrameEncoder.EncodeError(sequence, characteristic, operation, access, answer, 0);
                    }

                    gatt.SetSubscribed(characteristic, subscribe);
                    return FrameEncoder.Encode(FrameOperation.SubscribeResponse, sequence, characteristic, null!, 0, 0, answer, 0);
                }

            default:
                return FrameEncoder.EncodeError(sequence, characteristic, operation, AttError.RequestNotSupported, answer, 0);
        }
    }

    /// <summary>Takes the link down if it is up: the stream closed or failed (SR-11).</summary>
    /// <param name="gatt">The firmware's GATT server.</param>
    public void Drop(IGattServer gatt)
    {
        ArgumentNullException.ThrowIfNull(gatt);
        if (IsLinkUp)
        {
            gatt.LinkDown();
        }

        IsLinkUp = false;
        IsEncrypted = false;
    }

    private int LinkControl(IGattServer gatt, int sequence, LinkCommand command, LinkOptions flags, byte[] answer)
    {
        switch (command)
        {
            case LinkCommand.Connect:
                IsEncrypted = (flags & LinkOptions.Encrypted) != 0;
                IsLinkUp = true;
                gatt.LinkUp(IsEncrypted);
                return FrameEncoder.EncodeLinkControlResponse(sequence, command, AttError.Success, Granted(), answer, 0);
            case LinkCommand.Disconnect:
                Drop(gatt);
                return FrameEncoder.EncodeLinkControlResponse(sequence, command, AttError.Success, LinkOptions.None, answer, 0);
            case LinkCommand.Ping:
                return FrameEncoder.EncodeLinkControlResponse(sequence, command, AttError.Success, Granted(), answer, 0);
            default:
                return FrameEncoder.EncodeLinkControlResponse(sequence, command, AttError.ValueNotAllowed, Granted(), answer, 0);
        }
    }

    private LinkOptions Granted() => IsEncrypted ? LinkOptions.Encrypted : LinkOptions.None;
}
