using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;

namespace Wand.Results.Benchmarks;

/// <summary>
/// Bytes per end-of-line run: the record JSON a store kept before schema version 4 (indented, series inside) against
/// what it keeps now (unindented JSON without series, plus each series in its compact column), and the growth of a
/// SQLite file per run.
/// </summary>
internal static class StoreSizeBenchmark
{
    public static async Task RunAsync()
    {
        TestRecord record = await EndOfLineRecords.RunOnceAsync();
        int before = Encoding.UTF8.GetByteCount(TestRecordJson.Serialize(record));
        int json = Encoding.UTF8.GetByteCount(StoredRecordJson.WithoutSeries(record));
        int series = record.Series.Sum(item => SeriesCodec.Encode(item.Points).Length);
        int points = record.Series.Sum(item => item.Points.Count);
        Console.WriteLine($"End-of-line run on a virtual wand: {record.Series.Count} series, {points} points, {record.Phases.Sum(phase => phase.Measurements.Count)} measurements, outcome {record.Outcome}");
        Console.WriteLine($"  record JSON as stored before (indented, series inside): {before,9:N0} bytes");
        Console.WriteLine($"  record JSON as stored now (unindented, no series):     {json,9:N0} bytes");
        Console.WriteLine($"  series, compact (XOR, byte planes, Brotli):            {series,9:N0} bytes ({(double)series / Math.Max(1, points):F2} bytes per point)");
        Console.WriteLine($"  per run now: {json + series:N0} bytes, {(double)before / (json + series):F1}× smaller");

        const int Runs = 200;
        string path = Databases.NewFile();
        try
        {
            await using (SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path))
            {
                foreach (TestRecord copy in EndOfLineRecords.Copies(record, Runs))
                {
                    await store.SaveRunAsync(copy);
                }
            }

            Console.WriteLine($"  SQLite file with {Runs} such runs: {new FileInfo(path).Length / (double)Runs:N0} bytes per run (rows, indexes and pages included)");
        }
        finally
        {
            Databases.Delete(path);
        }
    }
}
