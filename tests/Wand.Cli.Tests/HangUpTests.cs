using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>SIGHUP (the terminal closed) mid-run stops a test run as Ctrl-C does: teardown, report, stored ABORTED.</summary>
public sealed class HangUpTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-hangup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task HangUpDuringATestRun_RunsTeardownWritesTheReportAndStoresItAborted()
    {
        string store = Path.Combine(folder, "station.sqlite");
        string reports = Path.Combine(folder, "reports");
        string plan = Path.Combine(AppContext.BaseDirectory, "plans", "end-of-line.yaml");

        // Real time: the end-of-line plan's two-minute session is still running when the signal comes.
        using ChildProcess run = ChildProcess.Start("--device", "sim:clock=realtime", "test", "run", plan, "--report-dir", reports, "--results", store);
        await run.WaitForOutputAsync(" 2/", TimeSpan.FromMinutes(2));
        run.HangUp();
        int code = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(code == (int)ExitCode.TestAborted, $"exit {code}\n{run.Output}\n{run.Error}");
        Assert.Equal(3, Directory.GetFiles(reports).Length);
        string record = File.ReadAllText(Directory.GetFiles(reports, "*.json").Single());
        Assert.Contains("\"teardown\"", record, StringComparison.Ordinal);
        CliResult list = await CliRunner.RunAsync("--json", "results", "list", "--results", store);
        JsonElement stored = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal("ABORTED", stored.GetProperty("outcome").GetString());
    }
}
