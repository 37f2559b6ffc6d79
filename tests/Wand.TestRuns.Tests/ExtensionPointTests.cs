using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.Links.Simulated;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Wand.Host.TestRuns.Steps;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>Other station jobs (calibration) plug in step kinds and keep their files with the run.</summary>
public sealed class ExtensionPointTests
{
    [Fact]
    public void Registry_RefusesDuplicateAndReservedNames()
    {
        StepRegistry registry = StepRegistry.CreateDefault().Add(new ScriptedStepKind());

        Assert.Throws<ArgumentException>(() => registry.Add(new ScriptedStepKind()));
        Assert.Contains("scripted", registry.Names);
        Assert.Equal(
            ["advance", "command", "connect", "disconnect", "fixture", "read", "sample", "wait", "world", "write"],
            StepRegistry.CreateDefault().Names);
    }

    [Fact]
    public void UnregisteredStepKind_IsAPlanError()
    {
        PlanValidationException error = Assert.Throws<PlanValidationException>(
            () => PlanLoader.Parse("plan: x\nphases:\n  - name: p\n    steps:\n      - scripted: {value: 1}\n", "x.yaml"));

        Assert.Contains("x.yaml:5:9: error: Unknown step kind 'scripted'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepAttachment_IsKeptInTheRecordAndTheStore()
    {
        StepRegistry registry = StepRegistry.CreateDefault().Add(new ScriptedStepKind());
        TestPlan plan = PlanLoader.Parse("plan: calibrate\nsetup: [connect]\nphases:\n  - name: p\n    steps:\n      - scripted: {attach: calibration-record}\n", "c.yaml", registry);
        await using SimulatedWandLink link = new();
        TestRecord record = await new TestRunner().RunAsync(plan, link, null, null, default);
        string path = Path.Combine(Path.GetTempPath(), "wand-attach-" + Guid.NewGuid().ToString("N") + ".sqlite");
        try
        {
            await using (SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path))
            {
                await store.SaveRunAsync(record);
                TestRecord stored = await store.GetRunAsync(record.RunId);

                AttachmentRecord attachment = Assert.Single(stored.Attachments);
                Assert.Equal("calibration-record", attachment.Name);
                Assert.Equal([1, 2, 3], attachment.Data);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task WorldControls_OnRealHardware_NameTheProblem()
    {
        await using SimulatedWandLink link = new();
        StepContext context = new(new RealHardwareLink(link), null);

        VirtualWandRequiredException error = Assert.Throws<VirtualWandRequiredException>(() => context.World);

        Assert.Contains("real hardware", error.Message, StringComparison.Ordinal);
        Assert.Contains("--device sim", error.Message, StringComparison.Ordinal);
        Assert.Throws<StationInstrumentMissingException>(() => context.Fixture);
    }

    [Fact]
    public async Task SaveRun_Cancelled_StoresNothing()
    {
        string path = Path.Combine(Path.GetTempPath(), "wand-cancel-" + Guid.NewGuid().ToString("N") + ".sqlite");
        try
        {
            await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
            using CancellationTokenSource cancel = new();
            int rows = 0;
            store.BeforeInsert = table =>
            {
                if (++rows == 3)
                {
                    cancel.Cancel();
                }
            };

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveRunAsync(SampleRecords.Failed(), cancel.Token));

            store.BeforeInsert = null;
            Assert.Empty(await store.ListRunsAsync(new Wand.Host.Results.RunQuery()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
