using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Cli;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary><c>wand test</c> and <c>wand results</c> in-process, with captured writers and a temporary folder.</summary>
public sealed class TestRunCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "wand-cli-" + Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(folder, "station.sqlite");

    private string Reports => Path.Combine(folder, "reports");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TestRun_EndOfLineOnVirtualWand_PassesWritesReportsAndStoresTheRun()
    {
        (int code, string output, string error) = await RunAsync("test", "run", PlanRunning.PlanPath("end-of-line.yaml"), "--report-dir", Reports, "--results", Store, "--station", "eol-07");

        Assert.True(code == 0, output + error);
        Assert.Contains("PASS", output, StringComparison.Ordinal);
        Assert.Contains("SIM-0001", output, StringComparison.Ordinal);
        Assert.Equal([".html", ".json", ".xml"], Directory.GetFiles(Reports).Select(Path.GetExtension).Order());
        (int listCode, string list, _) = await RunAsync("--json", "results", "list", "--results", Store);
        Assert.Equal(0, listCode);
        using JsonDocument runs = JsonDocument.Parse(list);
        JsonElement run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal("PASS", run.GetProperty("outcome").GetString());
        Assert.Equal("eol-07", run.GetProperty("stationId").GetString());
        string runId = run.GetProperty("runId").GetString()!;

        (int showCode, string show, _) = await RunAsync("results", "show", runId[..8], "--results", Store);
        (int exportCode, string junit, _) = await RunAsync("results", "export", runId, "--format", "junit", "--results", Store);

        Assert.Equal(0, showCode);
        Assert.Contains("level-3-amplitude", show, StringComparison.Ordinal);
        Assert.Equal(0, exportCode);
        Assert.StartsWith("<?xml", junit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRun_Json_PrintsOneDocumentWithOutcomeAndRecord()
    {
        (int code, string output, _) = await RunAsync("--json", "test", "run", PlanRunning.PlanPath("smoke.yaml"), "--report-dir", Reports, "--no-results");

        Assert.Equal(0, code);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal("PASS", document.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("smoke", document.RootElement.GetProperty("record").GetProperty("planName").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    [Trait("Requirement", "HC-3")]
    public async Task TestRun_MalformedPlan_Exits44AndWritesNothing()
    {
        Directory.CreateDirectory(folder);
        string plan = Path.Combine(folder, "bad.yaml");
        await File.WriteAllTextAsync(plan, "plan: bad\nphases:\n  - name: p\n    steps:\n      - read: statuz\n");

        (int code, _, string error) = await RunAsync("test", "run", plan, "--report-dir", Reports, "--results", Store);

        Assert.Equal((int)ExitCode.InvalidPlan, code);
        Assert.Contains("bad.yaml:5:", error, StringComparison.Ordinal);
        Assert.Contains("must be one of", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
        Assert.False(Directory.Exists(Reports));
    }

    [Fact]
    public async Task TestRun_UnitFails_Exits40()
    {
        Directory.CreateDirectory(folder);
        string plan = Path.Combine(folder, "strict.yaml");
        await File.WriteAllTextAsync(plan, "plan: strict\nsetup: [connect]\nphases:\n  - name: p\n    steps:\n      - read: limits\n        measure:\n          - {name: ceiling, field: motor-ceiling-v, units: V, max: 2.5}\n");

        (int code, string output, string error) = await RunAsync("test", "run", plan, "--report-dir", Reports, "--results", Store);

        Assert.Equal((int)ExitCode.TestFailed, code);
        Assert.Contains("ceiling", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRun_UnknownDevice_Exits10AndRunsNothing()
    {
        (int code, _, string error) = await RunAsync("--device", "bogus:thing", "test", "run", PlanRunning.PlanPath("smoke.yaml"), "--report-dir", Reports, "--results", Store);

        Assert.Equal((int)ExitCode.UnknownDevice, code);
        Assert.Contains("bogus:thing", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Reports));
    }

    [Fact]
    public async Task Validate_And_ListSteps()
    {
        (int validCode, string valid, _) = await RunAsync("test", "validate", PlanRunning.PlanPath("end-of-line.yaml"));
        (int stepsCode, string steps, _) = await RunAsync("test", "list-steps");

        Assert.Equal(0, validCode);
        Assert.Contains("needs a virtual wand", valid, StringComparison.Ordinal);
        Assert.Equal(0, stepsCode);
        Assert.Contains("world", steps, StringComparison.Ordinal);
        Assert.Contains("command", steps, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PlanWithCalibrateStep_IsAccepted()
    {
        Directory.CreateDirectory(folder);
        string plan = Path.Combine(folder, "calibration.yaml");
        await File.WriteAllTextAsync(plan, "plan: c\nsetup: [connect]\nphases:\n  - name: p\n    steps:\n      - calibrate: {sensor: sim}\n        measure:\n          - {name: outcome, field: outcome, equals: pass}\n");

        (int code, string output, string error) = await RunAsync("test", "validate", plan);

        Assert.True(code == 0, output + error);
        Assert.Contains("1 measurements", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_MissingStoreOrRun_ExitsWithItsCode()
    {
        (int missingStore, _, _) = await RunAsync("results", "list", "--results", Store);
        await RunAsync("test", "run", PlanRunning.PlanPath("smoke.yaml"), "--report-dir", Reports, "--results", Store);
        (int missingRun, _, string error) = await RunAsync("results", "show", "ffffffff", "--results", Store);

        Assert.Equal((int)ExitCode.ResultsStoreUnavailable, missingStore);
        Assert.Equal((int)ExitCode.RunNotFound, missingRun);
        Assert.Contains("No run 'ffffffff'", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        int code = await Program.BuildRootCommand().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
