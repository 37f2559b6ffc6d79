using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Cli;
using Wand.Host.Results;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Sqlite;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// The results store under hostile conditions: many first runs into a new file at once, a full disk, another
/// program's database given as the store, and station IDs that would lead out of the results folder.
/// </summary>
public sealed class ResultsStoreSafetyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-store-safety-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        JUnitSchema.AssertAllValid(folder);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ManyFirstOpensOfANewStoreAtOnce_AllSucceedWithOneSchema()
    {
        for (int round = 0; round < 10; round++)
        {
            string path = Path.Combine(folder, $"race-{round}.sqlite");

            SqliteResultsStore[] stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SqliteResultsStore.OpenAsync(path))));

            foreach (SqliteResultsStore store in stores)
            {
                Assert.Equal(ResultsSchema.CurrentVersion, await store.ReadSchemaVersionAsync());
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task FullDiskAtCreation_IsAStoreErrorAndLeavesNoFile()
    {
        string path = Path.Combine(folder, "full.sqlite");

        // max_page_count makes SQLite answer SQLITE_FULL ("database or disk is full") exactly as a full disk does.
        ResultsStoreException error = await Assert.ThrowsAsync<ResultsStoreException>(() => SqliteResultsStore.OpenAsync(
            path,
            ResultsSchema.CurrentVersion,
            connection => SqliteResultsStore.ExecuteAsync(connection, null, "PRAGMA max_page_count = 1", default),
            default));

        Assert.Contains("full", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(path), "a store file was left behind");
    }

    [Fact]
    public async Task AnotherProgramsDatabase_IsRefusedAndLeftUntouched()
    {
        string path = Path.Combine(folder, "other.sqlite");
        await using (SqliteConnection other = new($"Data Source={path};Pooling=False"))
        {
            await other.OpenAsync();
            await SqliteResultsStore.ExecuteAsync(other, null, "CREATE TABLE contacts (name TEXT)", default);
        }

        byte[] before = await File.ReadAllBytesAsync(path);

        ResultsStoreException error = await Assert.ThrowsAsync<ResultsStoreException>(() => SqliteResultsStore.OpenAsync(path));

        Assert.Contains("not a wand results store", error.Message, StringComparison.Ordinal);
        Assert.Contains("contacts", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task NewStore_CarriesTheWandApplicationId()
    {
        string path = Path.Combine(folder, "new.sqlite");
        await (await SqliteResultsStore.OpenAsync(path)).DisposeAsync();

        byte[] header = (await File.ReadAllBytesAsync(path))[68..72];

        Assert.Equal("WAND"u8.ToArray(), header);
    }

    [Fact]
    public async Task ExportIntoAMissingFolder_IsRefusedAndLeavesNoFile()
    {
        string store = Path.Combine(folder, "station.sqlite");
        string reports = Path.Combine(folder, "reports");
        using StringWriter runOutput = new();
        Assert.Equal(0, await Program.RunAsync(["--json", "test", "run", PlanRunning.PlanPath("smoke.yaml"), "--results", store, "--report-dir", reports], new InvocationConfiguration { Output = runOutput, Error = new StringWriter() }));
        string runId = System.Text.Json.JsonDocument.Parse(runOutput.ToString()).RootElement.GetProperty("runId").GetString()!;
        using StringWriter output = new();
        using StringWriter error = new();

        int code = await Program.RunAsync(["results", "export", runId, "--format", "junit", "--results", store, "-o", Path.Combine(folder, "missing", "run.xml")], new InvocationConfiguration { Output = output, Error = error });

        Assert.True(code == (int)ExitCode.ReportWriteFailed, error.ToString());
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "missing")));
        Assert.Empty(Directory.GetFiles(folder, "*.partial", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../x/EVIL")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public async Task StationIdLeadingOutOfTheResultsFolder_IsRefusedWithExit3(string station)
    {
        using StringWriter output = new();
        using StringWriter error = new();

        int code = await Program.RunAsync(["test", "run", PlanRunning.PlanPath("smoke.yaml"), "--station", station, "--report-dir", folder], new InvocationConfiguration { Output = output, Error = error });

        Assert.True(code == (int)ExitCode.ValueOutOfRange, error.ToString());
        Assert.Contains("--station", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }
}
