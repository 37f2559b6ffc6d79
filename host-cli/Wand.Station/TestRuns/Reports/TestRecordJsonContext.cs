using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wand.Host.Results;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// Serialization metadata for test records and run summaries, generated at compile time so that records read and write
/// without reflection (the Native AOT <c>wand</c> has none). The enumeration spelling lives in
/// <see cref="TestRecordJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestRecord))]
[JsonSerializable(typeof(IReadOnlyList<RunSummary>))]
[JsonSerializable(typeof(Wand.Host.Results.Yield.YieldReport))]
internal sealed partial class TestRecordJsonContext : JsonSerializerContext;
