using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Wand.Protocol.Factory;
using Wand.Protocol.Framing;
using Wand.Protocol.Host;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Protocol.Tests;

/// <summary>
/// PROFILE.md and the declarative table must agree (BP-5). The tables between the "generated" markers are rendered
/// from the code; set WAND_UPDATE_PROFILE=1 to rewrite them in the source tree after a table change.
/// </summary>
public class ProfileDocumentTests
{
    private static string SourceDocumentPath()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory != null && !File.Exists(Path.Combine(directory, "WandFirmware.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory == null ? Path.Combine(AppContext.BaseDirectory, "PROFILE.md") : Path.Combine(directory, "protocol", "PROFILE.md");
    }

    private static string Document() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PROFILE.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void BP5_GeneratedTables_MatchTheDeclarativeTable()
    {
        string document = Document();
        string? expected = ProfileDocument.ReplaceGeneratedSection(document);
        Assert.NotNull(expected);
        if (expected != document && Environment.GetEnvironmentVariable("WAND_UPDATE_PROFILE") == "1")
        {
            File.WriteAllText(SourceDocumentPath(), expected);
            return;
        }

        Assert.True(expected == document, "PROFILE.md's generated tables are stale. Run the tests with WAND_UPDATE_PROFILE=1, or paste:\n" + ProfileDocument.RenderTables());
    }

    [Fact]
    public void BP5_NotificationRules_StateTheCodesHysteresisAndPairingWindow()
    {
        string flat = Regex.Replace(Document(), @"\s+", " ");
        string celsius = (WandProfile.StatusTemperatureHysteresisCentidegrees / 100.0).ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"head temperature only once it has moved {celsius} °C", flat, StringComparison.Ordinal);
        Assert.Contains($"battery voltage only once it has moved {WandProfile.StatusBatteryHysteresisMillivolts} mV", flat, StringComparison.Ordinal);
        Assert.Contains($"pairing window for {WandProfile.PairingWindowSeconds} s", flat, StringComparison.Ordinal);
        Assert.Contains($"record ({WandProfile.Characteristic(WandProfile.SensorCalibrationIndex)!.MaximumWriteLength} bytes) need an ATT MTU", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void BP5_EveryCharacteristic_HasItsOwnSectionWithUuidAndLength()
    {
        string document = Document();
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(index)!;
            Match heading = Regex.Match(document, $"^### .*`{Regex.Escape(characteristic.Name)}`.*$", RegexOptions.Multiline);
            Assert.True(heading.Success, $"PROFILE.md has no '### … `{characteristic.Name}`' section");
            int next = document.IndexOf("\n### ", heading.Index + heading.Length, StringComparison.Ordinal);
            int nextChapter = document.IndexOf("\n## ", heading.Index + heading.Length, StringComparison.Ordinal);
            int end = new[] { next, nextChapter, document.Length }.Where(position => position >= 0).Min();
            string section = document[heading.Index..end];
            Assert.Contains(characteristic.Uuid.Text, section, StringComparison.OrdinalIgnoreCase);
        }
    }

    public static IEnumerable<object[]> DocumentedEnums() =>
    [
        [typeof(AttError)], [typeof(ControlPointOpcode)], [typeof(CommandResult)], [typeof(StatusIndicators)],
        [typeof(SessionState)], [typeof(SessionSource)], [typeof(PatternKind)], [typeof(HeadIdentity)], [typeof(FaultCode)],
        [typeof(StopReason)], [typeof(ProtocolFeatures)], [typeof(SelfTestState)], [typeof(SelfTestChecks)],
        [typeof(FrameOperation)], [typeof(LinkCommand)], [typeof(LinkOptions)], [typeof(RoutineKind)], [typeof(BodyArea)],
    ];

    [Theory]
    [MemberData(nameof(DocumentedEnums))]
    public void BP5_EveryWireValue_IsDocumentedInATableRow(Type enumType)
    {
        string[] rows = Document().Split('\n').Where(line => line.StartsWith('|')).ToArray();
        foreach (object value in Enum.GetValues(enumType))
        {
            string name = Enum.GetName(enumType, value)!;
            ulong number = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            if (number == 0 && enumType.IsDefined(typeof(FlagsAttribute), false))
            {
                continue;
            }

            string hex = "0x" + number.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
            string hex4 = "0x" + number.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            string hex8 = "0x" + number.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
            bool found = rows.Any(row =>
            {
                string[] cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
                bool hasName = cells.Contains($"`{name}`");
                bool hasNumber = cells.Any(cell => cell == number.ToString(System.Globalization.CultureInfo.InvariantCulture) || cell.Equals(hex, StringComparison.OrdinalIgnoreCase)
                    || cell.Equals(hex4, StringComparison.OrdinalIgnoreCase) || cell.Equals(hex8, StringComparison.OrdinalIgnoreCase));
                return hasName && hasNumber;
            });
            Assert.True(found, $"PROFILE.md has no table row with `{name}` and {number} ({hex}) for {enumType.Name}");
        }
    }

    [Fact]
    public void BP5_DocumentStatesTheCustomUuidBaseAndVersion()
    {
        string document = Document();
        Assert.Contains(WandProfile.CustomUuidBase, document, StringComparison.Ordinal);
        Assert.Contains($"{ProtocolVersion.CurrentMajor}.{ProtocolVersion.CurrentMinor}", document, StringComparison.Ordinal);
    }

    [Fact]
    public void BP5_DocumentedLengthsAndOffsets_MatchTheCodecs()
    {
        string document = Document();
        (string Name, int Length)[] lengths =
        [
            ("status", StatusReport.Length), ("settings", SessionSettings.Length), ("limits", EffectiveLimits.Length),
            ("protocol-version", ProtocolVersion.Length), ("calibration", CalibrationRecord.Length), ("raw-drive", RawDriveCommand.Length),
            ("raw-sensors", RawSensorReadings.Length), ("self-test", SelfTestReport.Length),
        ];
        foreach ((string name, int length) in lengths)
        {
            Match heading = Regex.Match(document, $"^### .*`{Regex.Escape(name)}`.*$", RegexOptions.Multiline);
            Assert.True(heading.Success);
            int end = document.IndexOf("\n### ", heading.Index + 1, StringComparison.Ordinal);
            string section = document[heading.Index..(end < 0 ? document.Length : end)];
            Assert.Contains($"{length} bytes", section, StringComparison.Ordinal);
        }
    }
}
