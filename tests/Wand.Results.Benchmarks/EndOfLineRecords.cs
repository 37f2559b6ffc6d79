using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wand.Host.Calibration.TestRunStep;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;
using Wand.Host.TestRuns.Steps;

namespace Wand.Results.Benchmarks;

/// <summary>A real end-of-line record: the shipped plan run once on a virtual wand, then copied under new run IDs.</summary>
internal static class EndOfLineRecords
{
    /// <summary>Runs the end-of-line plan on a virtual wand.</summary>
    /// <returns>The record.</returns>
    public static async Task<TestRecord> RunOnceAsync()
    {
        TestPlan plan = PlanLoader.Load(Path.Combine(AppContext.BaseDirectory, "plans", "end-of-line.yaml"), StepRegistry.CreateDefault().Add(new CalibrationStepKind()));
        await using SimulatedWandLink link = new();
        TestRunner runner = new(new RunOptions { StationId = "eol-bench", FixtureActions = link.World is { } world ? new WorldFixtureActions(world, link) : null });
        return await runner.RunAsync(plan, link, new SimulatedStationFixture(link), null, System.Threading.CancellationToken.None);
    }

    /// <summary>Copies a record under new run IDs and serial numbers.</summary>
    /// <param name="record">The record.</param>
    /// <param name="count">How many copies.</param>
    /// <returns>The copies.</returns>
    public static List<TestRecord> Copies(TestRecord record, int count)
    {
        JsonObject node = JsonNode.Parse(TestRecordJson.Serialize(record))!.AsObject();
        List<TestRecord> copies = new(count);
        for (int index = 0; index < count; index++)
        {
            node["runId"] = Guid.NewGuid().ToString("N");
            node["dutSerial"] = string.Create(CultureInfo.InvariantCulture, $"WAND-{index:D6}");
            copies.Add(TestRecordJson.Deserialize(node.ToJsonString()));
        }

        return copies;
    }
}
