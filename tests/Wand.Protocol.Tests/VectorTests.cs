using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Protocol.Tests;

public class VectorTests
{
    public static IEnumerable<object[]> MessageVectors() => VectorFiles.MessageVectorNames();

    [Theory]
    [MemberData(nameof(MessageVectors))]
    public void BP5_Vector_DecodesToExpectedResult(string fileName, string vectorName)
    {
        JsonElement vector = VectorFiles.Find(fileName, vectorName);
        MessageAdapter adapter = MessageAdapter.For(vector.GetProperty("message").GetString()!);
        byte[] value = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        byte expected = VectorFiles.ParseError(vector);
        int offset = VectorFiles.Offset(vector);

        if (offset != 0)
        {
            // The offset is checked by the access rules, after the length and before the value.
            string characteristic = VectorFiles.Load(fileName).GetProperty("characteristic").GetString()!;
            int index = WandProfile.IndexOfName(characteristic);
            AttError access = AccessRules.CheckWrite(index, value.Length, offset, true, encrypted: true, factoryMode: true);
            Assert.Equal(expected, (byte)access);
            return;
        }

        // Decode at a non-zero position inside a larger buffer, so offsets inside the codec are exercised too.
        byte[] buffer = new byte[value.Length + 8];
        buffer.AsSpan().Fill(0xCC);
        value.CopyTo(buffer, 3);
        object message = adapter.Create();
        AttError result = adapter.Decode(message, buffer, 3, value.Length);
        Assert.Equal(expected, (byte)result);
        if (result == AttError.Success && vector.TryGetProperty("fields", out JsonElement fields))
        {
            adapter.Check?.Invoke(message, fields);
        }
    }

    [Theory]
    [MemberData(nameof(MessageVectors))]
    public void BP5_ValidVector_EncodesToExpectedBytes(string fileName, string vectorName)
    {
        JsonElement vector = VectorFiles.Find(fileName, vectorName);
        if (VectorFiles.ParseError(vector) != 0 || !VectorFiles.Encodes(vector))
        {
            return;
        }

        MessageAdapter adapter = MessageAdapter.For(vector.GetProperty("message").GetString()!);
        object message = adapter.Create();
        if (vector.TryGetProperty("fields", out JsonElement fields))
        {
            adapter.Populate?.Invoke(message, fields);
        }

        byte[] buffer = new byte[64];
        int length = adapter.Encode(message, buffer, 5);
        Assert.Equal(vector.GetProperty("hex").GetString(), Convert.ToHexStringLower(buffer, 5, length));
    }

    [Theory]
    [MemberData(nameof(MessageVectors))]
    public void SR14_RefusedVector_LeavesDecodedInstanceUnchanged(string fileName, string vectorName)
    {
        JsonElement vector = VectorFiles.Find(fileName, vectorName);
        if (VectorFiles.ParseError(vector) == 0 || VectorFiles.Offset(vector) != 0)
        {
            return;
        }

        // Fill an instance from the file's first valid vector of the same message, then feed the bad bytes.
        string message = vector.GetProperty("message").GetString()!;
        JsonElement good = VectorFiles.Vectors(fileName).First(candidate =>
            candidate.GetProperty("message").GetString() == message && VectorFiles.ParseError(candidate) == 0 && VectorFiles.Encodes(candidate));
        MessageAdapter adapter = MessageAdapter.For(message);
        object instance = adapter.Create();
        byte[] goodBytes = Convert.FromHexString(good.GetProperty("hex").GetString()!);
        Assert.Equal(AttError.Success, adapter.Decode(instance, goodBytes, 0, goodBytes.Length));

        byte[] bad = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        Assert.NotEqual(AttError.Success, adapter.Decode(instance, bad, 0, bad.Length));
        byte[] after = new byte[64];
        int length = adapter.Encode(instance, after, 0);
        Assert.Equal(good.GetProperty("hex").GetString(), Convert.ToHexStringLower(after, 0, length));
    }

    [Fact]
    public void BP5_VectorFiles_NameOnlyKnownMessagesAndCharacteristics()
    {
        foreach (object[] pair in VectorFiles.MessageVectorNames())
        {
            string fileName = (string)pair[0];
            JsonElement root = VectorFiles.Load(fileName);
            string characteristic = root.GetProperty("characteristic").GetString()!;
            Assert.True(WandProfile.IndexOfName(characteristic) >= 0, $"{fileName}: unknown characteristic {characteristic}");
            Assert.Equal(characteristic + ".json", fileName);
            JsonElement vector = VectorFiles.Find(fileName, (string)pair[1]);
            Assert.Contains(vector.GetProperty("message").GetString()!, MessageAdapter.KnownMessages);
            Assert.Contains(vector.GetProperty("direction").GetString()!, new[] { "read", "write", "notify" });
            if (vector.TryGetProperty("requires", out JsonElement requires))
            {
                Assert.Equal(0, VectorFiles.ParseError(vector));
                Assert.All(requires.EnumerateArray(), state => Assert.Equal("session-running", state.GetString()));
            }
        }
    }

    [Fact]
    public void BP5_EveryWritableCharacteristicOfTheCustomServices_HasMalformedWriteVectors()
    {
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(index)!;
            if (!characteristic.CanWrite)
            {
                continue;
            }

            JsonElement[] writes = [.. VectorFiles.Vectors(characteristic.Name + ".json").Where(v => v.GetProperty("direction").GetString() == "write")];
            Assert.Contains(writes, v => VectorFiles.ParseError(v) == 0);
            Assert.Contains(writes, v => VectorFiles.ParseError(v) == (byte)AttError.InvalidAttributeValueLength);
            Assert.Contains(writes, v => VectorFiles.ParseError(v) == (byte)AttError.InvalidOffset);
        }
    }

    [Fact]
    public void BP5_EveryMessage_HasAVector()
    {
        var seen = new HashSet<string>();
        foreach (object[] pair in VectorFiles.MessageVectorNames())
        {
            seen.Add(VectorFiles.Find((string)pair[0], (string)pair[1]).GetProperty("message").GetString()!);
        }

        Assert.Equal(MessageAdapter.KnownMessages.OrderBy(name => name), seen.OrderBy(name => name));
    }

    public static IEnumerable<object[]> AccessVectors() =>
        VectorFiles.Vectors("access.json").Select(vector => new object[] { vector.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(AccessVectors))]
    public void BP4_AccessVector_GivesExpectedError(string vectorName)
    {
        JsonElement vector = VectorFiles.Find("access.json", vectorName);
        JsonElement characteristic = vector.GetProperty("characteristic");
        int index = characteristic.ValueKind == JsonValueKind.Number ? characteristic.GetInt32() : WandProfile.IndexOfName(characteristic.GetString());
        Assert.True(characteristic.ValueKind == JsonValueKind.Number || index >= 0);
        bool encrypted = vector.GetProperty("encrypted").GetBoolean();
        bool factoryMode = vector.GetProperty("factoryMode").GetBoolean();
        int length = vector.GetProperty("length").GetInt32();
        int offset = vector.GetProperty("offset").GetInt32();
        AttError result = vector.GetProperty("operation").GetString() switch
        {
            "read" => AccessRules.CheckRead(index, offset, encrypted, factoryMode),
            "write" => AccessRules.CheckWrite(index, length, offset, true, encrypted, factoryMode),
            "write-command" => AccessRules.CheckWrite(index, length, offset, false, encrypted, factoryMode),
            "subscribe" => AccessRules.CheckSubscribe(index, encrypted, factoryMode),
            var other => throw new ArgumentException(other),
        };
        Assert.Equal(VectorFiles.ParseError(vector), (byte)result);
    }

    [Fact]
    public void Crc32_Vectors_Match()
    {
        foreach (JsonElement vector in VectorFiles.Vectors("crc32.json"))
        {
            byte[] data = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
            uint expected = Convert.ToUInt32(vector.GetProperty("crc").GetString(), 16);
            Assert.Equal(expected, Crc32.Compute(data, 0, data.Length));
        }
    }
}
