using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Cli;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// Every JUnit file wand writes is accepted by Jenkins' xUnit plugin (its junit-10.xsd): records of every outcome,
/// the report folder of every shipped plan run through the CLI, and exports from the results store. Tests that write
/// report folders elsewhere check them too (<see cref="JUnitSchema.AssertAllValid"/>).
/// </summary>
public sealed class JUnitConformanceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-junit-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task RecordsOfEveryOutcome_RenderValidJUnit()
    {
        JUnitSchema.AssertValid(JUnitWriter.Render(SampleRecords.Failed()), "a FAIL record");
        TestRecord pass = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"));
        TestRecord failed = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"), Defects.MiscalibratedMotor);
        using CancellationTokenSource cancelled = new();
        await cancelled.CancelAsync();
        TestRecord aborted = await PlanRunning.RunAsync(PlanRunning.Load("smoke.yaml"), cancellationToken: cancelled.Token);

        Assert.Equal(RunOutcome.Pass, pass.Outcome);
        Assert.Equal(RunOutcome.Fail, failed.Outcome);
        Assert.Equal(RunOutcome.Aborted, aborted.Outcome);
        foreach (TestRecord record in new[] { pass, failed, aborted })
        {
            JUnitSchema.AssertValid(JUnitWriter.Render(record), $"a {record.Outcome} record");
        }
    }

    [Fact]
    public async Task EveryShippedPlanRunThroughTheCli_WritesValidJUnitAndExportsValidJUnit()
    {
        string store = Path.Combine(folder, "station.sqlite");
        string reports = Path.Combine(folder, "reports");
        foreach (string plan in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "plans"), "*.yaml"))
        {
            await RunAsync("test", "run", plan, "--report-dir", reports, "--results", store);
        }

        Assert.Equal(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "plans"), "*.yaml").Length, JUnitSchema.AssertAllValid(reports));
        (int listCode, string list) = await RunAsync("--json", "results", "list", "--results", store);
        Assert.Equal(0, listCode);
        foreach (System.Text.Json.JsonElement run in System.Text.Json.JsonDocument.Parse(list).RootElement.EnumerateArray())
        {
            (int exportCode, string junit) = await RunAsync("results", "export", run.GetProperty("runId").GetString()!, "--format", "junit", "--results", store);
            Assert.Equal(0, exportCode);
            JUnitSchema.AssertValid(junit, "an export");
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        int code = await Program.RunAsync(args, new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (code, output.ToString());
    }
}
