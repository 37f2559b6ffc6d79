using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.TestRunStep;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Wand.Host.TestRuns.Steps;

namespace Wand.TestRuns.Tests;

/// <summary>Runs shipped plans against in-process virtual wands.</summary>
internal static class PlanRunning
{
    public static string PlanPath(string name) => Path.Combine(AppContext.BaseDirectory, "plans", name);

    /// <summary>Loads a shipped plan with every step kind the CLI registers (the built-in ones and calibration).</summary>
    public static TestPlan Load(string name) => PlanLoader.Load(PlanPath(name), StepRegistry.CreateDefault().Add(new CalibrationStepKind()).Add(new SensorCalibrationStepKind()));

    public static async Task<TestRecord> RunAsync(TestPlan plan, SimulatedWandOptions? options = null, Func<SimulatedWandLink, Wand.Host.Links.IWandLink>? wrap = null, CancellationToken cancellationToken = default)
    {
        await using SimulatedWandLink link = new(options);
        Wand.Host.Links.IWandLink target = wrap?.Invoke(link) ?? link;
        TestRunner runner = new(new RunOptions { StationId = "test-station", FixtureActions = target.World is { } world ? new WorldFixtureActions(world, link) : null });
        return await runner.RunAsync(plan, target, new SimulatedStationFixture(link), null, cancellationToken);
    }

    /// <summary>A runner wired to the virtual wand's fixture actions, as the CLI wires it for a `sim` device.</summary>
    public static TestRunner RunnerFor(SimulatedWandLink link) =>
        new(new RunOptions { StationId = "test-station", FixtureActions = link.World is { } world ? new WorldFixtureActions(world, link) : null });
}
