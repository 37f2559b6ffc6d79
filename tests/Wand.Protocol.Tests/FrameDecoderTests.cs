using System;
using System.Collections.Generic;
using Wand.Protocol.Framing;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Protocol.Tests;

public class FrameDecoderTests
{
    private sealed record DecodedFrame(FrameOperation Operation, int Sequence, int Characteristic, byte[] Body);

    private static List<DecodedFrame> DecodeAll(FrameDecoder decoder, byte[] stream, int chunk)
    {
        var frames = new List<DecodedFrame>();
        for (int start = 0; start < stream.Length; start += chunk)
        {
            int offset = start;
            int count = Math.Min(chunk, stream.Length - start);
            while (count > 0 || decoder.IsFrameReady)
            {
                int used = decoder.Feed(stream, offset, count);
                offset += used;
                count -= used;
                if (decoder.IsFrameReady)
                {
                    frames.Add(new DecodedFrame(decoder.Operation, decoder.Sequence, decoder.Characteristic, decoder.Buffer.AsSpan(FrameFormat.BodyOffset, decoder.BodyLength).ToArray()));
                }
                else if (count == 0)
                {
                    break;
                }
            }
        }

        return frames;
    }

    private static byte[] Frame(FrameOperation operation, int sequence, int characteristic, byte[] body)
    {
        byte[] buffer = new byte[FrameFormat.MaximumFrameLength];
        int length = FrameEncoder.Encode(operation, sequence, characteristic, body, 0, body.Length, buffer, 0);
        Assert.True(length > 0);
        return buffer.AsSpan(0, length).ToArray();
    }

    [Fact]
    public void Encode_ReadRequest_HasDocumentedLayout()
    {
        byte[] buffer = new byte[32];
        int length = FrameEncoder.EncodeReadRequest(0x11, WandProfile.StatusIndex, 0, buffer, 0);
        Assert.Equal(13, length);
        Assert.Equal(new byte[] { 0xA5, 0x5A, 0x05, 0x00, 0x01, 0x11, 0x01, 0x00, 0x00 }, buffer.AsSpan(0, 9).ToArray());
        uint crc = Crc32.Compute(buffer, 2, 7);
        Assert.Equal(crc, BitConverter.ToUInt32(buffer, 9));
    }

    [Fact]
    public void Feed_OneFrame_ByteByByte_DecodesIt()
    {
        byte[] frame = Frame(FrameOperation.Notification, 7, WandProfile.StatusIndex, new byte[] { 1, 2, 3 });
        var decoder = new FrameDecoder();
        List<DecodedFrame> frames = DecodeAll(decoder, frame, 1);
        DecodedFrame decoded = Assert.Single(frames);
        Assert.Equal(FrameOperation.Notification, decoded.Operation);
        Assert.Equal(7, decoded.Sequence);
        Assert.Equal(WandProfile.StatusIndex, decoded.Characteristic);
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.Body);
    }

    [Fact]
    public void Feed_BackToBackFrames_InOneChunk_DecodesAll()
    {
        byte[] first = Frame(FrameOperation.WriteResponse, 1, 2, Array.Empty<byte>());
        byte[] second = Frame(FrameOperation.ReadResponse, 2, 1, new byte[17]);
        var decoder = new FrameDecoder();
        List<DecodedFrame> frames = DecodeAll(decoder, [.. first, .. second], 4096);
        Assert.Equal(2, frames.Count);
        Assert.Equal(17, frames[1].Body.Length);
    }

    [Fact]
    public void Feed_GarbageBeforeFrame_ResynchronisesAndCountsDiscarded()
    {
        byte[] garbage = { 0x00, 0xA5, 0x13, 0xA5, 0xA5, 0x5A, 0xFF, 0xFF, 0x42 };
        byte[] frame = Frame(FrameOperation.SubscribeRequest, 3, 1, Array.Empty<byte>());
        var decoder = new FrameDecoder();
        List<DecodedFrame> frames = DecodeAll(decoder, [.. garbage, .. frame], 1);
        Assert.Single(frames);
        Assert.Equal(garbage.Length, decoder.DiscardedBytes);
        Assert.True(decoder.LengthErrors >= 1);
    }

    [Fact]
    public void Feed_CorruptedFrameThenGoodFrame_DropsFirstKeepsSecond()
    {
        byte[] bad = Frame(FrameOperation.WriteRequest, 1, 2, new byte[] { 0, 0, 0x58, 0x02, 3, 0 });
        bad[9] ^= 0x01;
        byte[] good = Frame(FrameOperation.WriteRequest, 2, 2, new byte[] { 0, 0, 0x58, 0x02, 3, 0 });
        var decoder = new FrameDecoder();
        List<DecodedFrame> frames = DecodeAll(decoder, [.. bad, .. good], 5);
        DecodedFrame decoded = Assert.Single(frames);
        Assert.Equal(2, decoded.Sequence);
        Assert.Equal(1, decoder.CrcErrors);
    }

    [Fact]
    public void Feed_FrameHiddenInsideFalseStart_IsFoundAfterCrcFailure()
    {
        // A false start claiming a 40-byte frame swallows a real frame; once its CRC fails the real one is recovered.
        byte[] falseStart = { 0xA5, 0x5A, 40, 0x00, 0x01 };
        byte[] good = Frame(FrameOperation.ReadRequest, 9, 1, new byte[] { 0, 0 });
        byte[] filler = new byte[60];
        var decoder = new FrameDecoder();
        List<DecodedFrame> frames = DecodeAll(decoder, [.. falseStart, .. good, .. filler], 3);
        DecodedFrame decoded = Assert.Single(frames);
        Assert.Equal(9, decoded.Sequence);
        Assert.Equal(1, decoder.CrcErrors);
    }

    [Fact]
    public void Feed_OversizeLengthField_IsRejectedWithoutWaiting()
    {
        byte[] oversize = { 0xA5, 0x5A, 0xFF, 0x7F };
        byte[] good = Frame(FrameOperation.ReadRequest, 4, 1, new byte[] { 0, 0 });
        var decoder = new FrameDecoder();
        List<DecodedFrame> frames = DecodeAll(decoder, [.. oversize, .. good], 1);
        Assert.Single(frames);
        Assert.Equal(1, decoder.LengthErrors);
        Assert.Equal(0, decoder.CrcErrors);
    }

    [Fact]
    public void Feed_LengthFieldAtMaximum_IsAccepted()
    {
        byte[] body = new byte[FrameFormat.MaximumBodyLength];
        new Random(5).NextBytes(body);
        byte[] frame = Frame(FrameOperation.WriteRequest, 1, 1, body);
        Assert.Equal(FrameFormat.MaximumFrameLength, frame.Length);
        List<DecodedFrame> frames = DecodeAll(new FrameDecoder(), frame, 64);
        Assert.Equal(body, Assert.Single(frames).Body);
    }

    [Fact]
    public void Encode_BodyTooLong_ReturnsZero()
    {
        byte[] buffer = new byte[FrameFormat.MaximumFrameLength + 10];
        Assert.Equal(0, FrameEncoder.Encode(FrameOperation.ReadResponse, 0, 0, new byte[FrameFormat.MaximumBodyLength + 1], 0, FrameFormat.MaximumBodyLength + 1, buffer, 0));
        Assert.Equal(0, FrameEncoder.EncodeReadRequest(0, 0, 0, new byte[12], 0));
    }

    [Fact]
    public void Feed_RandomGarbageAroundFrames_RecoversEveryFrame()
    {
        var random = new Random(1234);
        for (int round = 0; round < 200; round++)
        {
            var stream = new List<byte>();
            var expected = new List<int>();
            for (int index = 0; index < 10; index++)
            {
                byte[] garbage = new byte[random.Next(0, 40)];
                random.NextBytes(garbage);
                if (random.Next(4) == 0 && garbage.Length > 4)
                {
                    garbage[0] = 0xA5;
                    garbage[1] = 0x5A;
                }

                stream.AddRange(garbage);
                byte[] body = new byte[random.Next(0, 30)];
                random.NextBytes(body);
                stream.AddRange(Frame(FrameOperation.Notification, index, random.Next(0, 19), body));
                expected.Add(index);
            }

            stream.AddRange(new byte[FrameFormat.MaximumFrameLength]);
            List<DecodedFrame> frames = DecodeAll(new FrameDecoder(), stream.ToArray(), random.Next(1, 100));
            Assert.Equal(expected, frames.ConvertAll(frame => frame.Sequence));
        }
    }

    [Fact]
    public void Feed_SteadyState_DoesNotAllocate()
    {
        byte[] frame = Frame(FrameOperation.WriteRequest, 1, 2, new byte[] { 0, 0, 0x58, 0x02, 3, 0 });
        byte[] stream = new byte[frame.Length * 100 + 500];
        for (int index = 0; index < 100; index++)
        {
            frame.CopyTo(stream, index * frame.Length);
        }

        new Random(3).NextBytes(stream.AsSpan(frame.Length * 100));
        var decoder = new FrameDecoder();
        FeedAll(decoder, stream);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int frames = FeedAll(decoder, stream);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(frames >= 100);
    }

    private static int FeedAll(FrameDecoder decoder, byte[] stream)
    {
        int frames = 0;
        int offset = 0;
        int count = stream.Length;
        while (count > 0)
        {
            int used = decoder.Feed(stream, offset, count);
            offset += used;
            count -= used;
            if (decoder.IsFrameReady)
            {
                frames++;
            }
        }

        return frames;
    }

    [Fact]
    public void CheckRequest_BodyShapes_AreValidated()
    {
        byte[] body = new byte[8];
        Assert.Equal(AttError.Success, FrameBody.CheckRequest(FrameOperation.ReadRequest, body, 0, 2, out _, out _, out _));
        Assert.Equal(AttError.InvalidPdu, FrameBody.CheckRequest(FrameOperation.ReadRequest, body, 0, 3, out _, out _, out _));
        Assert.Equal(AttError.InvalidPdu, FrameBody.CheckRequest(FrameOperation.WriteRequest, body, 0, 1, out _, out _, out _));
        body[0] = 0x05;
        Assert.Equal(AttError.Success, FrameBody.CheckRequest(FrameOperation.WriteRequest, body, 0, 6, out int valueOffset, out int dataOffset, out int dataLength));
        Assert.Equal((5, 2, 4), (valueOffset, dataOffset, dataLength));
        Assert.Equal(AttError.InvalidPdu, FrameBody.CheckRequest(FrameOperation.SubscribeRequest, body, 0, 1, out _, out _, out _));
        Assert.Equal(AttError.RequestNotSupported, FrameBody.CheckRequest(FrameOperation.Notification, body, 0, 0, out _, out _, out _));
        Assert.Equal(AttError.RequestNotSupported, FrameBody.CheckRequest((FrameOperation)0x77, body, 0, 0, out _, out _, out _));
    }
}
