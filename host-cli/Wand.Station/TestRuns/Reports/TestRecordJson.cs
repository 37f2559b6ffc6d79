using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Results;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// The JSON form of a <see cref="TestRecord"/>: camel-case names, outcomes in upper case (<c>PASS</c>), attachments in
/// base64. The same text is the per-unit record file, the <c>--json</c> output and what the results store keeps.
/// </summary>
public static class TestRecordJson
{
    /// <summary>Gets the serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters =
        {
            new JsonStringEnumConverter<RunOutcome>(JsonNamingPolicy.SnakeCaseUpper),
            new JsonStringEnumConverter<PhaseOutcome>(JsonNamingPolicy.SnakeCaseUpper),
            new JsonStringEnumConverter<MeasurementOutcome>(JsonNamingPolicy.SnakeCaseUpper),
        },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = TestRecordJsonContext.Default,
    };

    /// <summary>Gets the metadata of a record under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<TestRecord> RecordType { get; } = (JsonTypeInfo<TestRecord>)Options.GetTypeInfo(typeof(TestRecord));

    /// <summary>Gets the metadata of a list of run summaries under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<IReadOnlyList<RunSummary>> RunSummariesType { get; } =
        (JsonTypeInfo<IReadOnlyList<RunSummary>>)Options.GetTypeInfo(typeof(IReadOnlyList<RunSummary>));

    /// <summary>Writes a record as JSON text.</summary>
    /// <param name="record">The record.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(TestRecord record) => JsonSerializer.Serialize(record, RecordType);

    /// <summary>Reads a record from JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The text is not a record.</exception>
    public static TestRecord Deserialize(string json)
        => JsonSerializer.Deserialize(json, RecordType) ?? throw new JsonException("The JSON holds null, not a test record.");

    /// <summary>Gives the record's file name: <c>SERIAL.PLAN.STARTMILLIS.json</c>, as OpenHTF names its records.</summary>
    /// <param name="record">The record.</param>
    /// <param name="extension">The extension with its dot, for example <c>.json</c>.</param>
    /// <returns>A file name safe on every file system.</returns>
    public static string FileName(TestRecord record, string extension)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"{Safe(record.DutSerial)}.{Safe(record.PlanName)}.{record.StartedUtc.ToUnixTimeMilliseconds()}{extension}";
    }

    /// <summary>Writes text to a file atomically: a temporary file in the same folder, then a rename.</summary>
    /// <param name="path">The destination.</param>
    /// <param name="text">The content.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write leaves no file.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteFileAtomicallyAsync(string path, string text, CancellationToken cancellationToken) =>
        OutputFiles.WriteAsync(path, text, cancellationToken);

    private static string Safe(string text)
    {
        char[] characters = text.ToCharArray();
        for (int index = 0; index < characters.Length; index++)
        {
            if (!char.IsAsciiLetterOrDigit(characters[index]) && characters[index] is not '-' and not '_')
            {
                characters[index] = '_';
            }
        }

        return characters.Length == 0 ? "_" : new string(characters);
    }
}
