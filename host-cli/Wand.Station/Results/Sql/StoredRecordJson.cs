using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;

namespace Wand.Host.Results.Sql;

/// <summary>
/// The record JSON the store keeps per run: the record's JSON without indentation and with an empty <c>series</c>
/// list, the series living compactly in the <c>series</c> table (<see cref="SeriesCodec"/>). Runs stored before schema
/// version 4 keep their series inside the JSON; both read back to the same record.
/// </summary>
internal static class StoredRecordJson
{
    private static readonly JsonSerializerOptions Compact = new(TestRecordJson.Options) { WriteIndented = false };

    // Type information from the source-generated context (no reflection, so the tool stays trim- and AOT-safe).
    private static readonly JsonTypeInfo<TestRecord> RecordType = (JsonTypeInfo<TestRecord>)Compact.GetTypeInfo(typeof(TestRecord));

    private static readonly JsonTypeInfo<IReadOnlyList<SeriesRecord>> SeriesType =
        (JsonTypeInfo<IReadOnlyList<SeriesRecord>>)Compact.GetTypeInfo(typeof(IReadOnlyList<SeriesRecord>));

    /// <summary>Gives the JSON to store for a record, its series left out.</summary>
    /// <param name="record">The record.</param>
    /// <returns>Unindented JSON.</returns>
    public static string WithoutSeries(TestRecord record)
    {
        JsonObject node = JsonSerializer.SerializeToNode(record, RecordType)!.AsObject();
        node["series"] = new JsonArray();
        return node.ToJsonString(Compact);
    }

    /// <summary>Reads a stored record, putting back the series read from the <c>series</c> table.</summary>
    /// <param name="json">The stored JSON.</param>
    /// <param name="series">The series from the table, in their original order; empty for runs stored before version 4.</param>
    /// <returns>The record as saved.</returns>
    /// <exception cref="JsonException">The JSON is not a record.</exception>
    public static TestRecord Read(string json, IReadOnlyList<SeriesRecord> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            return TestRecordJson.Deserialize(json);
        }

        JsonObject node = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("The stored JSON holds null, not a test record.");
        node["series"] = JsonSerializer.SerializeToNode(series, SeriesType);
        return node.Deserialize(RecordType) ?? throw new JsonException("The stored JSON holds null, not a test record.");
    }
}
