using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Wand.Host.Calibration.TestRunStep;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Running;
using Wand.Host.TestRuns.Steps;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary>The calibration step in a QA plan, through the test runner's step extension point.</summary>
public sealed class TestRunStepTests
{
    private static readonly string PlanPath = Path.Combine(System.AppContext.BaseDirectory, "Plans", "calibration-phase.yaml");

    [Fact]
    public void Plan_WithCalibrateStep_LoadsWithTheStepRegistered()
    {
        TestPlan plan = PlanLoader.Load(PlanPath, StepRegistry.CreateDefault().Add(new CalibrationStepKind()));

        StepPlan step = plan.Phases.Single().Steps.Single();
        Assert.True(step.Step.RequiresVirtualWand);
        Assert.Contains("level-5-error", step.Step.Fields);
    }

    [Fact]
    public async Task CalibrateStep_OnUncalibratedVirtualUnit_FieldsWithinLimitsAndReportsAttached()
    {
        TestPlan plan = PlanLoader.Load(PlanPath, StepRegistry.CreateDefault().Add(new CalibrationStepKind()));
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 61);
        StepContext context = new(unit.Link, SimulatedStationFixture.For(unit.Link));

        StepResult result = await plan.Phases.Single().Steps.Single().Step.ExecuteAsync(context, default);

        Assert.Null(result.Failure);
        Assert.Equal("pass", result.Fields[CalibrationStepKind.OutcomeField].Text);
        Assert.Equal("true", result.Fields["written"].Text);
        for (int level = 1; level <= 5; level++)
        {
            Assert.InRange(result.Fields[$"level-{level}-error"].Number!.Value, -0.05, 0.05);
        }

        Assert.Contains(context.SnapshotAttachments(), attachment => attachment.Name == "calibration.html");
        Assert.Contains(context.SnapshotAttachments(), attachment => attachment.Name == "calibration.json");
    }

    [Fact]
    public async Task CalibrateStep_MotorNeverStarts_StepFails()
    {
        TestPlan plan = PlanLoader.Load(PlanPath, StepRegistry.CreateDefault().Add(new CalibrationStepKind()));
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(new Wand.Host.Links.Simulated.SimulatedWandOptions
        {
            Motor = Wand.Simulation.ErmMotorParameters.Nominal with { StartVolts = 3.6, SustainVolts = 2.0 },
            Calibrated = false,
        });

        StepResult result = await plan.Phases.Single().Steps.Single().Step.ExecuteAsync(new StepContext(unit.Link, SimulatedStationFixture.For(unit.Link)), default);

        Assert.NotNull(result.Failure);
        Assert.Equal("fail", result.Fields[CalibrationStepKind.OutcomeField].Text);
    }
}
