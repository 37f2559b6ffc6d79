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
        "RoutineProgress" => Simple<RoutineProgress>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "CurrentTime" => Simple<CurrentTime>((m, b, o, l) => m.Decode(b, o, l), (m, b, o) => m.Encode(b, o)),
        "RoutineCatalogPage" => RoutineCatalogAdapter(),
        "RoutineCatalogSelection" => RoutineSelectionAdapter(),
        "SessionHistoryPage" => SessionHistoryAdapter(),
        "SessionHistorySelection" => HistorySelectionAdapter(),
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

    private sealed class RoutineSelection
    {
        public RoutineKind Routine { get; set; }

        public int FirstStep { get; set; }
    }

    private static MessageAdapter RoutineSelectionAdapter() => new()
    {
        Create = () => new RoutineSelection(),
        Decode = (m, b, o, l) =>
        {
            AttError error = RoutineCatalogPage.DecodeSelection(b, o, l, out RoutineKind routine, out int first);
            if (error == AttError.Success)
            {
                ((RoutineSelection)m).Routine = routine;
                ((RoutineSelection)m).FirstStep = first;
            }

            return error;
        },
        Encode = (m, b, o) => RoutineCatalogPage.EncodeSelection(b, o, ((RoutineSelection)m).Routine, ((RoutineSelection)m).FirstStep),
        Populate = SetProperties,
        Check = CheckProperties,
    };

    private static MessageAdapter HistorySelectionAdapter() => new()
    {
        Create = () => new Holder(),
        Decode = (m, b, o, l) =>
        {
            AttError error = SessionHistoryPage.DecodeSelection(b, o, l, out int first);
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

    private static MessageAdapter RoutineCatalogAdapter() => new()
    {
        Create = () => new RoutineCatalogPage(),
        Decode = (m, b, o, l) => ((RoutineCatalogPage)m).Decode(b, o, l),
        Encode = (m, b, o) => ((RoutineCatalogPage)m).Encode(b, o),
        Populate = (m, f) =>
        {
            var page = (RoutineCatalogPage)m;
            page.Clear(Enum.Parse<RoutineKind>(f.GetProperty("routine").GetString()!), f.GetProperty("stepCount").GetInt32(), f.GetProperty("totalSeconds").GetInt32(), f.GetProperty("firstStep").GetInt32());
            foreach (JsonElement step in f.GetProperty("steps").EnumerateArray())
            {
                Assert.True(page.Add(Enum.Parse<BodyArea>(step.GetProperty("area").GetString()!), step.GetProperty("seconds").GetInt32(), Enum.Parse<PatternKind>(step.GetProperty("pattern").GetString()!), step.GetProperty("level").GetInt32()));
            }
        },
        Check = (m, f) =>
        {
            var page = (RoutineCatalogPage)m;
            Assert.Equal(Enum.Parse<RoutineKind>(f.GetProperty("routine").GetString()!), page.Routine);
            Assert.Equal(f.GetProperty("stepCount").GetInt32(), page.StepCount);
            Assert.Equal(f.GetProperty("totalSeconds").GetInt32(), page.TotalSeconds);
            Assert.Equal(f.GetProperty("firstStep").GetInt32(), page.FirstStep);
            JsonElement[] steps = [.. f.GetProperty("steps").EnumerateArray()];
            Assert.Equal(steps.Length, page.Count);
            for (int index = 0; index < steps.Length; index++)
            {
                Assert.Equal(Enum.Parse<BodyArea>(steps[index].GetProperty("area").GetString()!), page.AreaAt(index));
                Assert.Equal(steps[index].GetProperty("seconds").GetInt32(), page.SecondsAt(index));
                Assert.Equal(Enum.Parse<PatternKind>(steps[index].GetProperty("pattern").GetString()!), page.PatternAt(index));
                Assert.Equal(steps[index].GetProperty("level").GetInt32(), page.LevelAt(index));
            }
        },
    };

    private static MessageAdapter SessionHistoryAdapter() => new()
    {
        Create = () => new SessionHistoryPage(),
        Decode = (m, b, o, l) => ((SessionHistoryPage)m).Decode(b, o, l),
        Encode = (m, b, o) => ((SessionHistoryPage)m).Encode(b, o),
        Populate = (m, f) =>
        {
            var page = (SessionHistoryPage)m;
            page.Clear(f.GetProperty("totalEntries").GetInt32(), f.GetProperty("firstIndex").GetInt32(), f.GetProperty("todayDriveSeconds").GetInt32());
            foreach (JsonElement entry in f.GetProperty("entries").EnumerateArray())
            {
                Assert.True(page.Add(
                    entry.GetProperty("time").GetUInt32(),
                    entry.GetProperty("wallClock").GetBoolean(),
                    entry.GetProperty("driveSeconds").GetInt32(),
                    entry.GetProperty("highestLevel").GetInt32(),
                    Enum.Parse<RoutineKind>(entry.GetProperty("routine").GetString()!),
                    Enum.Parse<HeadIdentity>(entry.GetProperty("head").GetString()!),
                    Enum.Parse<StopReason>(entry.GetProperty("stopReason").GetString()!)));
            }
        },
        Check = (m, f) =>
        {
            var page = (SessionHistoryPage)m;
            Assert.Equal(f.GetProperty("totalEntries").GetInt32(), page.TotalEntries);
            Assert.Equal(f.GetProperty("firstIndex").GetInt32(), page.FirstIndex);
            Assert.Equal(f.GetProperty("todayDriveSeconds").GetInt32(), page.TodayDriveSeconds);
            JsonElement[] entries = [.. f.GetProperty("entries").EnumerateArray()];
            Assert.Equal(entries.Length, page.Count);
            for (int index = 0; index < entries.Length; index++)
            {
                JsonElement entry = entries[index];
                Assert.Equal(entry.GetProperty("time").GetUInt32(), page.TimeAt(index));
                Assert.Equal(entry.GetProperty("wallClock").GetBoolean(), page.IsWallClockAt(index));
                Assert.Equal(entry.GetProperty("driveSeconds").GetInt32(), page.DriveSecondsAt(index));
                Assert.Equal(entry.GetProperty("highestLevel").GetInt32(), page.HighestLevelAt(index));
                Assert.Equal(Enum.Parse<RoutineKind>(entry.GetProperty("routine").GetString()!), page.RoutineAt(index));
                Assert.Equal(Enum.Parse<HeadIdentity>(entry.GetProperty("head").GetString()!), page.HeadAt(index));
                Assert.Equal(Enum.Parse<StopReason>(entry.GetProperty("stopReason").GetString()!), page.StopReasonAt(index));
            }
        },
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
        "CalibrationRecord", "SerialNumber", "SelfTestCommand", "BatteryLevel", "PresentationFormat",
        "RoutineProgress", "CurrentTime", "RoutineCatalogPage", "RoutineCatalogSelection", "SessionHistoryPage", "SessionHistorySelection",
        "SensorCalibrationRecord",
    ];
}
