using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Wand.Protocol.Framing;
using Xunit;

namespace Wand.Protocol.Tests;

public class FramingVectorTests
{
    public static IEnumerable<object[]> FramingVectors() =>
        VectorFiles.Vectors("framing.json").Select(vector => new object[] { vector.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(FramingVectors))]
    public void Framing_Vector_DecodesExpectedFramesAndCounters(string vectorName)
    {
        JsonElement vector = VectorFiles.Find("framing.json", vectorName);
        byte[] stream = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        foreach (int chunk in new[] { 1, 3, 7, stream.Length == 0 ? 1 : stream.Length })
        {
            var decoder = new FrameDecoder();
            var frames = new List<(int Operation, int Sequence, int Characteristic, string Body)>();
            for (int start = 0; start < stream.Length; start += chunk)
            {
                int offset = start;
                int count = Math.Min(chunk, stream.Length - start);
                while (count > 0)
                {
                    int used = decoder.Feed(stream, offset, count);
                    offset += used;
                    count -= used;
                    if (decoder.IsFrameReady)
                    {
                        frames.Add(((int)decoder.Operation, decoder.Sequence, decoder.Characteristic, Convert.ToHexStringLower(decoder.Buffer, FrameFormat.BodyOffset, decoder.BodyLength)));
                    }
                }
            }

            var expected = vector.GetProperty("frames").EnumerateArray()
                .Select(f => (f.GetProperty("operation").GetInt32(), f.GetProperty("sequence").GetInt32(), f.GetProperty("characteristic").GetInt32(), f.GetProperty("body").GetString()!))
                .ToList();
            Assert.Equal(expected, frames);
            Assert.Equal(vector.GetProperty("discardedBytes").GetInt64(), decoder.DiscardedBytes);
            Assert.Equal(vector.GetProperty("crcErrors").GetInt64(), decoder.CrcErrors);
            Assert.Equal(vector.GetProperty("lengthErrors").GetInt64(), decoder.LengthErrors);
        }
    }

    [Theory]
    [MemberData(nameof(FramingVectors))]
    public void Framing_SingleFrameVector_EncodesToSameBytes(string vectorName)
    {
        JsonElement vector = VectorFiles.Find("framing.json", vectorName);
        JsonElement[] frames = [.. vector.GetProperty("frames").EnumerateArray()];
        string hex = vector.GetProperty("hex").GetString()!;
        if (frames.Length != 1 || vector.GetProperty("discardedBytes").GetInt64() != 0)
        {
            return;
        }

        JsonElement frame = frames[0];
        byte[] body = Convert.FromHexString(frame.GetProperty("body").GetString()!);
        byte[] buffer = new byte[FrameFormat.MaximumFrameLength + 4];
        int length = FrameEncoder.Encode((FrameOperation)frame.GetProperty("operation").GetInt32(), frame.GetProperty("sequence").GetInt32(), frame.GetProperty("characteristic").GetInt32(), body, 0, body.Length, buffer, 4);
        Assert.Equal(hex, Convert.ToHexStringLower(buffer, 4, length));
    }

    [Fact]
    public void Framing_HelperEncoders_MatchGenericEncoder()
    {
        byte[] generic = new byte[64];
        byte[] helper = new byte[64];

        int length = FrameEncoder.Encode(FrameOperation.ErrorResponse, 0x16, 0, new byte[] { 0x03, 0x81 }, 0, 2, generic, 0);
        Assert.Equal(length, FrameEncoder.EncodeError(0x16, 0, FrameOperation.WriteRequest, Profile.AttError.LevelOutOfRange, helper, 0));
        Assert.Equal(generic.AsSpan(0, length).ToArray(), helper.AsSpan(0, length).ToArray());

        length = FrameEncoder.Encode(FrameOperation.WriteRequest, 1, 2, new byte[] { 0, 0, 9, 8 }, 0, 4, generic, 0);
        Assert.Equal(length, FrameEncoder.EncodeWrite(true, 1, 2, 0, new byte[] { 9, 8 }, 0, 2, helper, 0));
        Assert.Equal(generic.AsSpan(0, length).ToArray(), helper.AsSpan(0, length).ToArray());

        length = FrameEncoder.Encode(FrameOperation.WriteCommand, 1, 2, new byte[] { 9, 8 }, 0, 2, generic, 0);
        Assert.Equal(length, FrameEncoder.EncodeWrite(false, 1, 2, 0, new byte[] { 9, 8 }, 0, 2, helper, 0));
        Assert.Equal(generic.AsSpan(0, length).ToArray(), helper.AsSpan(0, length).ToArray());

        length = FrameEncoder.Encode(FrameOperation.LinkControlRequest, 5, FrameFormat.NoCharacteristic, new byte[] { 1, 1 }, 0, 2, generic, 0);
        Assert.Equal(length, FrameEncoder.EncodeLinkControl(5, LinkCommand.Connect, LinkOptions.Encrypted, helper, 0));
        Assert.Equal(generic.AsSpan(0, length).ToArray(), helper.AsSpan(0, length).ToArray());

        length = FrameEncoder.Encode(FrameOperation.LinkControlResponse, 5, FrameFormat.NoCharacteristic, new byte[] { 1, 0, 1 }, 0, 3, generic, 0);
        Assert.Equal(length, FrameEncoder.EncodeLinkControlResponse(5, LinkCommand.Connect, Profile.AttError.Success, LinkOptions.Encrypted, helper, 0));
        Assert.Equal(generic.AsSpan(0, length).ToArray(), helper.AsSpan(0, length).ToArray());
    }
}
