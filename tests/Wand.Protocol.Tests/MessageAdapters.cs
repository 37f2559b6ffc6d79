using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Protocol.Tests;

/// <summary>
/// Connects a vector's "message" name to the library's codec: build from fields and encode, decode into an instance,
/// compare an instance with fields. Simple messages map JSON field names onto properties; the rest are spelled out.
/// </summary>
internal sealed class MessageAdapter
{
    public required Func<object> Create { get; init; }

    public required Func<object, byte[], int, int, AttError> Decode { get; init; }

    public required Func<object, byte[], int, int> Encode { get; init; }

    public Action<object, JsonElement>? Populate { get; init; }

    public Action<object, JsonElement>? Check { get; init; }

    public static MessageAdapter For(string message) => message switch
    {
        "ControlPointCommand" => Simple<ControlPointCommand>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "ControlPointResponse" => Simple<ControlPointResponse>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "StatusReport" => Simple<StatusReport>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "SessionSettings" => Simple<SessionSettings>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "EffectiveLimits" => Simple<EffectiveLimits>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "ProtocolVersion" => Simple<ProtocolVersion>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "RawDriveCommand" => Simple<RawDriveCommand>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "RawSensorReadings" => Simple<RawSensorReadings>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "SelfTestReport" => Simple<SelfTestReport>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "HeadReport" => HeadAdapter(),
        "FaultLogPage" => FaultLogAdapter(),
        "FaultLogSelection" => SelectionAdapter(),
        "CalibrationRecord" => CalibrationAdapter(),
        "SensorCalibrationRecord" => SensorCalibrationAdapter(),
        "SerialNumber" => SerialAdapter(),
        "SelfTestCommand" => SelfTestCommandAdapter(),
        "BatteryLevel" => BatteryAdapter(),
        "PresentationFormat" => PresentationFormatAdapter(),
        _ => throw new ArgumentException($"No adapter for message '{message}'."),
    };

    private static MessageAdapter Simple<T>(Func<T, byte[], int, int, AttError> decode, Func<T, byte[], int, int> encode)
        where T : new() => new()
    {
        Create = () => new T(),
        Decode = (m, b, o, l) => decode((T)m, b, o, l),
        Encode = (m, b, o) => encode((T)m, b, o),
        Populate = SetProperties,
        Check = CheckProperties,
    };

    private static MessageAdapter HeadAdapter() => new()
    {
        Create = () => new HeadReport(),
        Decode = (m, b, o, l) => ((HeadReport)m).Decode(b, o, l),
        Encode = (m, b, o) => ((HeadReport)m).Encode(b, o),
        Populate = (m, f) =>
        {
            SetProperties(m, f, "name");
            ((HeadReport)m).SetName(f.GetProperty("name").GetString());
        },
        Check = (m, f) =>
        {
            CheckProperties(m, f, "name");
            Assert.Equal(f.GetProperty("name").GetString(), ((HeadReport)m).GetName());
        },
    };

    private static MessageAdapter FaultLogAdapter() => new()
    {
        Create = () => new FaultLogPage(),
        Decode = (m, b, o, l) => ((FaultLogPage)m).Decode(b, o, l),
        Encode = (m, b, o) => ((FaultLogPage)m).Encode(b, o),
        Populate = (m, f) =>
        {
            var page = (FaultLogPage)m;
            page.Clear(f.GetProperty("totalEntries").GetInt32(), f.GetProperty("firstIndex").GetInt32());
            foreach (JsonElement entry in f.GetProperty("entries").EnumerateArray())
            {
                Assert.True(page.Add(Enum.Parse<FaultCode>(entry.GetProperty("code").GetString()!), entry.GetProperty("context").GetInt32(), entry.GetProperty("milliseconds").GetUInt32()));
            }
        },
        Check = (m, f) =>
        {
            var page = (FaultLogPage)m;
            Assert.Equal(f.GetProperty("totalEntries").GetInt32(), page.TotalEntries);
            Assert.Equal(f.GetProperty("firstIndex").GetInt32(), page.FirstIndex);
            JsonElement[] entries = [.. f.GetProperty("entries").EnumerateArray()];
            Assert.Equal(entries.Length, page.Count);
            for (int index = 0; index < entries.Length; index++)
            {
                Assert.Equal(Enum.Parse<FaultCode>(entries[index].GetProperty("code").GetString()!), page.CodeAt(index));
                Assert.Equal(entries[index].GetProperty("context").GetInt32(), page.ContextAt(index));
                Assert.Equal(entries[index].GetProperty("milliseconds").GetUInt32(), page.MillisecondsAt(index));
            }
        },
    };

    private sealed class Holder
    {
        public int Value { get; set; }
    }

    private static MessageAdapter SelectionAdapter() => new()
    {
        Create = () => new Holder(),
        Decode = (m, b, o, l) =>
        {
            AttError error = FaultLogPage.DecodeSelection(b, o, l, out int first);
            if (error == AttError.Success)
            {
                ((Holder)m).Value = first;
            }

            return error;
        },
        Encode = (m, b, o) =>
        {
            b[o] = (byte)((Holder)m).Value;
            return 1;
        },
        Populate = (m, f) => ((Holder)m).Value = f.GetProperty("firstIndex").GetInt32(),
        Check = (m, f) => Assert.Equal(f.GetProperty("firstIndex").GetInt32(), ((Holder)m).Value),
    };

    private static MessageAdapter SelfTestCommandAdapter() => new()
    {
        Create = () => new Holder(),
        Decode = (m, b, o, l) => SelfTestReport.DecodeCommand(b, o, l),
        Encode = (m, b, o) =>
        {
            b[o] = SelfTestReport.StartCommand;
            return SelfTestReport.CommandLength;
        },
    };

    private static MessageAdapter BatteryAdapter() => new()
    {
        Create = () => new Holder(),
        Decode = (m, b, o, l) =>
        {
            AttError error = BatteryLevel.Decode(b, o, l, out int percent);
            if (error == AttError.Success)
            {
                ((Holder)m).Value = percent;
            }

            return error;
        },
        Encode = (m, b, o) => BatteryLevel.Encode(b, o, ((Holder)m).Value),
        Populate = (m, f) => ((Holder)m).Value = f.GetProperty("percent").GetInt32(),
        Check = (m, f) => Assert.Equal(f.GetProperty("percent").GetInt32(), ((Holder)m).Value),
    };

    private static MessageAdapter PresentationFormatAdapter() => new()
    {
        Create = () => WandProfile.Characteristic(WandProfile.BatteryLevelIndex)!.PresentationFormat,
        Decode = (m, b, o, l) => AttError.Success,
        Encode = (m, b, o) => ((PresentationFormat)m).Encode(b, o),
        Check = CheckProperties,
    };

    private static MessageAdapter SensorCalibrationAdapter() => new()
    {
        Create = () => new SensorCalibrationRecord(),
        Decode = (m, b, o, l) => ((SensorCalibrationRecord)m).Decode(b, o, l),
        Encode = (m, b, o) => ((SensorCalibrationRecord)m).Encode(b, o),
        Populate = (m, f) =>
        {
            SensorCalibrationRecord record = (SensorCalibrationRecord)m;
            record.Version = f.GetProperty("version").GetInt32();
            int[] gains = [.. f.GetProperty("gainMicros").EnumerateArray().Select(e => e.GetInt32())];
            int[] offsets = [.. f.GetProperty("offsetMilliCounts").EnumerateArray().Select(e => e.GetInt32())];
            for (int channel = 0; channel < SensorCalibrationRecord.ChannelCount; channel++)
            {
                record.SetChannel(channel, gains[channel], offsets[channel]);
            }
        },
        Check = (m, f) =>
        {
            SensorCalibrationRecord record = (SensorCalibrationRecord)m;
            Assert.Equal(f.GetProperty("version").GetInt32(), record.Version);
            int[] gains = [.. f.GetProperty("gainMicros").EnumerateArray().Select(e => e.GetInt32())];
            int[] offsets = [.. f.GetProperty("offsetMilliCounts").EnumerateArray().Select(e => e.GetInt32())];
            for (int channel = 0; channel < SensorCalibrationRecord.ChannelCount; channel++)
            {
                Assert.Equal(gains[channel], record.GainMicros(channel));
                Assert.Equal(offsets[channel], record.OffsetMilliCounts(channel));
            }
        },
    };

    private static MessageAdapter CalibrationAdapter() => new()
    {
        Create = () => new CalibrationRecord(),
        Decode = (m, b, o, l) => ((CalibrationRecord)m).Decode(b, o, l),
        Encode = (m, b, o) => ((CalibrationRecord)m).Encode(b, o),
        Populate = (m, f) =>
        {
            SetProperties(m, f, "levelMillivolts");
            int level = 1;
            foreach (JsonElement millivolts in f.GetProperty("levelMillivolts").EnumerateArray())
            {
                ((CalibrationRecord)m).SetLevelMillivolts(level++, millivolts.GetInt32());
            }
        },
        Check = (m, f) =>
        {
            CheckProperties(m, f, "levelMillivolts");
            int level = 1;
            foreach (JsonElement millivolts in f.GetProperty("levelMillivolts").EnumerateArray())
            {
                Assert.Equal(millivolts.GetInt32(), ((CalibrationRecord)m).LevelMillivolts(level++));
            }
        },
    };

    private static MessageAdapter SerialAdapter() => new()
    {
        Create = () => new SerialNumber(),
        Decode = (m, b, o, l) => ((SerialNumber)m).Decode(b, o, l),
        Encode = (m, b, o) => ((SerialNumber)m).Encode(b, o),
        Populate = (m, f) => ((SerialNumber)m).Set(f.GetProperty("text").GetString()),
        Check = (m, f) => Assert.Equal(f.GetProperty("text").GetString(), m.ToString()),
    };

    private static PropertyInfo Property(object message, string jsonName)
    {
        string name = char.ToUpperInvariant(jsonName[0]) + jsonName[1..];
        return message.GetType().GetProperty(name) ?? throw new ArgumentException($"{message.GetType().Name} has no property {name}.");
    }

    private static object Convert(JsonElement value, Type type)
    {
        if (type.IsEnum)
        {
            return value.ValueKind == JsonValueKind.String
                ? Enum.Parse(type, value.GetString()!)
                : Enum.ToObject(type, value.GetUInt64());
        }

        return System.Convert.ChangeType(value.GetInt64(), type, CultureInfo.InvariantCulture);
    }

    private static void SetProperties(object message, JsonElement fields) => SetProperties(message, fields, null);

    private static void SetProperties(object message, JsonElement fields, string? skip)
    {
        foreach (JsonProperty field in fields.EnumerateObject())
        {
            if (field.Name == skip)
            {
                continue;
            }

            PropertyInfo property = Property(message, field.Name);
            property.SetValue(message, Convert(field.Value, property.PropertyType));
        }
    }

    private static void CheckProperties(object message, JsonElement fields) => CheckProperties(message, fields, null);

    private static void CheckProperties(object message, JsonElement fields, string? skip)
    {
        foreach (JsonProperty field in fields.EnumerateObject())
        {
            if (field.Name == skip)
            {
                continue;
            }

            PropertyInfo property = Property(message, field.Name);
            Assert.True(Equals(Convert(field.Value, property.PropertyType), property.GetValue(message)), $"field {field.Name}: expected {field.Value}, got {property.GetValue(message)}");
        }
    }

    public static IReadOnlyList<string> KnownMessages { get; } =
    [
        "ControlPointCommand", "ControlPointResponse", "StatusReport", "SessionSettings", "EffectiveLimits", "ProtocolVersion",
        "RawDriveCommand", "RawSensorReadings", "SelfTestReport", "HeadReport", "FaultLogPage", "FaultLogSelection",
        "CalibrationRecord", "SerialNumber", "SelfTestCommand", "BatteryLevel", "PresentationFormat", "SensorCalibrationRecord",
    ];
}
