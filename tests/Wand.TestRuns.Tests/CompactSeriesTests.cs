using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>HC-6 time series kept compactly: lossless to the bit, smaller than their JSON, and runs stored before still read.</summary>
public sealed class CompactSeriesTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "wand-series-" + Guid.NewGuid().ToString("N"), "station.sqlite");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path.GetDirectoryName(path)))
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void HC6_SeriesCodec_RestoresEveryDoubleBitForBit()
    {
        Random random = new(16);
        double[] special = [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, double.MinValue, 1e-310];
        SeriesPoint[] points = Enumerable.Range(0, 2000)
            .Select(index => new SeriesPoint(index * 20.0, index < special.Length ? special[index] : BitConverter.Int64BitsToDouble(random.NextInt64())))
            .ToArray();

        SeriesPoint[] decoded = SeriesCodec.Decode(SeriesCodec.Encode(points));

        Assert.Equal(points.Select(Bits), decoded.Select(Bits));
        Assert.Empty(SeriesCodec.Decode(SeriesCodec.Encode([])));
    }

    [Fact]
    public void HC6_SeriesCodec_DamagedOrUnknownData_IsRefused()
    {
        byte[] encoded = SeriesCodec.Encode([new SeriesPoint(0, 1), new SeriesPoint(20, 2)]);
        byte[] truncated = encoded[..^3];
        byte[] unknown = [.. encoded];
        unknown[0] = 9;

        Assert.ThrowsAny<InvalidDataException>(() => SeriesCodec.Decode(truncated));
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => SeriesCodec.Decode(unknown));
        Assert.Contains("format 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HC6_SeriesCodec_SampledSeriesIsSmallerThanItsJson()
    {
        // A drive level sampled every 20 ms with a slow, noisy amplitude: what a run records.
        Random random = new(3);
        SeriesPoint[] points = Enumerable.Range(0, 1500).Select(index => new SeriesPoint(index * 20.0, Math.Round(0.3 + (0.01 * Math.Sin(index / 40.0)) + (0.001 * random.NextDouble()), 5))).ToArray();
        int json = TestRecordJson.Serialize(Record("aa", points)).Length;

        int compact = SeriesCodec.Encode(points).Length;

        Assert.True(compact * 4 < json, $"{compact} bytes compact against {json} bytes of JSON");
    }

    [Fact]
    public async Task HC6_SaveRun_KeepsSeriesInTheirOwnTable_AndReadsThemBack()
    {
        TestRecord record = SampleRecords.Failed();
        await using (SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path))
        {
            await store.SaveRunAsync(record);
            Assert.Equal(TestRecordJson.Serialize(record), TestRecordJson.Serialize(await store.GetRunAsync(record.RunId)));
        }

        await using SqliteConnection connection = new($"Data Source={path}");
        await connection.OpenAsync();
        await using SqliteCommand json = new("SELECT record_json FROM runs", connection);
        string stored = (string)(await json.ExecuteScalarAsync())!;
        await using SqliteCommand series = new("SELECT count(*), sum(point_count) FROM series", connection);
        await using SqliteDataReader reader = await series.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Contains("\"series\":[]", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("timeMilliseconds", stored, StringComparison.Ordinal);
        Assert.Equal((2L, 9L), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task HC6_Open_VersionThreeFile_MigratesAndReadsSeriesKeptInsideTheJson()
    {
        TestRecord old = SampleRecords.Failed(new string('3', 32));
        await using (SqliteResultsStore version3 = await SqliteResultsStore.OpenAsync(path, 3, default))
        {
            Assert.Equal(3, await version3.ReadSchemaVersionAsync());
        }

        await using (SqliteConnection connection = new($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using SqliteCommand insert = new("INSERT INTO runs (run_id, plan_name, plan_version, dut_serial, station_id, started_utc, duration_ms, outcome, record_json) VALUES (@id, 'end-of-line', '1.0', 'WAND-0007', 'eol-01', '2026-11-20T12:00:00.0000000Z', 1000, 'FAIL', @json)", connection);
            insert.Parameters.AddWithValue("@id", old.RunId);
            insert.Parameters.AddWithValue("@json", TestRecordJson.Serialize(old));
            await insert.ExecuteNonQueryAsync();
        }

        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        TestRecord newer = SampleRecords.Failed(new string('4', 32));
        await store.SaveRunAsync(newer);

        Assert.Equal(ResultsSchema.CurrentVersion, await store.ReadSchemaVersionAsync());
        Assert.Equal(TestRecordJson.Serialize(old), TestRecordJson.Serialize(await store.GetRunAsync(old.RunId)));
        Assert.Equal(TestRecordJson.Serialize(newer), TestRecordJson.Serialize(await store.GetRunAsync(newer.RunId)));
    }

    private static long Bits(SeriesPoint point) => BitConverter.DoubleToInt64Bits(point.TimeMilliseconds) ^ (BitConverter.DoubleToInt64Bits(point.Value) * 31);

    private static TestRecord Record(string runId, SeriesPoint[] points) => new()
    {
        RunId = runId,
        PlanName = "end-of-line",
        StationId = "eol-01",
        DutSerial = "WAND-1",
        Series = [new SeriesRecord { Name = "amplitude", Units = "g", Points = points }],
    };
}
