using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Wand.Core.Gatt;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Simulation;
using Xunit;

namespace Wand.Protocol.Tests;

/// <summary>
/// BP-7: a client written against protocol 1.0 keeps working against the present minor version. The vectors of 1.0, as
/// released (protocol/vectors/1.0), run unchanged against today's codec, access rules and firmware GATT server. The only
/// 1.0 vectors whose answer may differ are the few negative cases that probed values 1.1 has since defined; they are
/// listed here by name with the reason, and a 1.0 client never sends them.
/// </summary>
public class Version10CompatibilityTests
{
    private static readonly Dictionary<string, string> DefinedSince11 = new()
    {
        ["control-point.json/opcode five"] = "opcode 0x05 is StartRoutine in 1.1 (feature bit Routines)",
        ["control-point.json/result with an unknown result value (later minor version)"] = "result 13 is RoutineTooLong in 1.1",
        ["access.json/unknown characteristic 19"] = "index 19 is the 1.1 characteristic \"routine\"",
    };

    private static string Directory => Path.Combine(AppContext.BaseDirectory, "vectors", "1.0");

    private static JsonElement Load(string fileName)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, fileName)));
        return document.RootElement.Clone();
    }

    public static IEnumerable<object[]> MessageVectors()
    {
        foreach (string path in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            string fileName = Path.GetFileName(path);
            if (fileName is "access.json" or "framing.json" or "crc32.json")
            {
                continue;
            }

            foreach (JsonElement vector in Load(fileName).GetProperty("vectors").EnumerateArray())
            {
                yield return new object[] { fileName, vector.GetProperty("name").GetString()! };
            }
        }
    }

    public static IEnumerable<object[]> AccessVectors() =>
        Load("access.json").GetProperty("vectors").EnumerateArray().Select(vector => new object[] { vector.GetProperty("name").GetString()! });

    private static JsonElement Find(string fileName, string name) =>
        Load(fileName).GetProperty("vectors").EnumerateArray().First(vector => vector.GetProperty("name").GetString() == name);

    [Fact]
    public void BP7_TheReleased10VectorsArePresent()
    {
        Assert.True(MessageVectors().Count() > 150, "the 1.0 vector set is missing or truncated");
        Assert.Equal(ProtocolVersion.CurrentMajor, 1);
        Assert.True(ProtocolVersion.CurrentMinor >= 1);
    }

    [Theory]
    [MemberData(nameof(MessageVectors))]
    public void BP7_A10MessageVector_DecodesAndEncodesAsIn10(string fileName, string vectorName)
    {
        if (DefinedSince11.ContainsKey(fileName + "/" + vectorName))
        {
            return;
        }

        JsonElement vector = Find(fileName, vectorName);
        MessageAdapter adapter = MessageAdapter.For(vector.GetProperty("message").GetString()!);
        byte[] value = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        byte expected = VectorFiles.ParseError(vector);
        if (VectorFiles.Offset(vector) != 0)
        {
            int index = WandProfile.IndexOfName(Load(fileName).GetProperty("characteristic").GetString());
            Assert.Equal(expected, (byte)AccessRules.CheckWrite(index, value.Length, VectorFiles.Offset(vector), true, encrypted: true, factoryMode: true));
            return;
        }

        object message = adapter.Create();
        Assert.Equal(expected, (byte)adapter.Decode(message, value, 0, value.Length));
        if (expected != 0)
        {
            return;
        }

        if (vector.TryGetProperty("fields", out JsonElement fields))
        {
            adapter.Check?.Invoke(message, fields);
        }

        if (VectorFiles.Encodes(vector))
        {
            byte[] buffer = new byte[64];
            int length = adapter.Encode(message, buffer, 0);
            Assert.Equal(vector.GetProperty("hex").GetString(), Convert.ToHexStringLower(buffer, 0, length));
        }
    }

    [Theory]
    [MemberData(nameof(MessageVectors))]
    public void BP7_A10WriteVector_GetsThe10AnswerFromTheFirmwareGattServer(string fileName, string vectorName)
    {
        JsonElement vector = Find(fileName, vectorName);
        if (vector.GetProperty("direction").GetString() != "write" || DefinedSince11.ContainsKey(fileName + "/" + vectorName))
        {
            return;
        }

        int index = WandProfile.IndexOfName(Load(fileName).GetProperty("characteristic").GetString());
        bool factory = WandProfile.Characteristic(index)!.WriteSecurity == AccessSecurity.FactoryMode;
        bool running = vector.TryGetProperty("requires", out JsonElement _);
        (VirtualWand _, WandGattServer gatt, GattVectorTests.CountingSink _) = GattVectorTests.Boot(factory, running);
        byte[] value = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        Assert.Equal(VectorFiles.ParseError(vector), gatt.Write(index, value, VectorFiles.Offset(vector), withResponse: true));
    }

    [Theory]
    [MemberData(nameof(AccessVectors))]
    public void BP7_A10AccessVector_GetsThe10Answer(string vectorName)
    {
        if (DefinedSince11.ContainsKey("access.json/" + vectorName))
        {
            return;
        }

        JsonElement vector = Find("access.json", vectorName);
        JsonElement characteristic = vector.GetProperty("characteristic");
        int index = characteristic.ValueKind == JsonValueKind.Number ? characteristic.GetInt32() : WandProfile.IndexOfName(characteristic.GetString());
        bool encrypted = vector.GetProperty("encrypted").GetBoolean();
        bool factoryMode = vector.GetProperty("factoryMode").GetBoolean();
        int length = vector.GetProperty("length").GetInt32();
        int offset = vector.GetProperty("offset").GetInt32();
        AttError answer = vector.GetProperty("operation").GetString() switch
        {
            "read" => AccessRules.CheckRead(index, offset, encrypted, factoryMode),
            "write" => AccessRules.CheckWrite(index, length, offset, true, encrypted, factoryMode),
            "write-command" => AccessRules.CheckWrite(index, length, offset, false, encrypted, factoryMode),
            _ => AccessRules.CheckSubscribe(index, encrypted, factoryMode),
        };
        Assert.Equal(VectorFiles.ParseError(vector), (byte)answer);
    }

    [Fact]
    public void BP7_The10CharacteristicsKeepTheirIndexesUuidsAndLayouts()
    {
        // Entries are only ever appended: a 1.0 client addressing the first 19 characteristics by index or UUID finds them.
        string[] names =
        {
            "control-point", "status", "settings", "head", "limits", "fault-log", "protocol-version", "calibration", "raw-drive",
            "raw-sensors", "factory-serial", "self-test", "manufacturer-name", "model-number", "serial-number", "hardware-revision",
            "firmware-revision", "software-revision", "battery-level",
        };
        for (int index = 0; index < names.Length; index++)
        {
            Assert.Equal(names[index], WandProfile.Characteristic(index)!.Name);
        }

        Assert.Equal(StatusReport.Length, WandProfile.Characteristic(WandProfile.StatusIndex)!.MaximumValueLength);
        Assert.Equal(ControlPointCommand.MaximumLength, WandProfile.Characteristic(WandProfile.ControlPointIndex)!.MaximumWriteLength);
    }
}
