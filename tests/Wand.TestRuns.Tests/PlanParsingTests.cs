using System;
using System.Linq;
using Wand.Host.TestRuns.Plans;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>Plans are validated in full before anything runs; errors name file, line and column and what was expected.</summary>
public sealed class PlanParsingTests
{
    private const string Valid = """
        plan: example
        version: "2"
        dut:
          serial: WAND-0042
        setup:
          - connect
        phases:
          - name: first
            retries: 2
            timeout-s: 5
            requirements: [SR-5]
            steps:
              - read: status
                measure:
                  - {name: state, field: state, equals: idle}
                  - {name: battery, field: battery-v, units: V, min: 3.4, marginal-min: 3.6, max: 4.3}
              - command: {start: {level: 2, pattern: wave, duration-s: 120}}
              - wait: {until: {state: running, drive-level: {min: 1.9}}, timeout-ms: 2000}
        teardown:
          - command: {stop: {}, expect: any}
        """;

    [Fact]
    public void Parse_ValidPlan_ReadsEverything()
    {
        TestPlan plan = PlanLoader.Parse(Valid, "example.yaml");

        Assert.Equal("example", plan.Name);
        Assert.Equal("2", plan.Version);
        Assert.Equal("WAND-0042", plan.DutSerial);
        PhasePlan phase = Assert.Single(plan.Phases);
        Assert.Equal(2, phase.Retries);
        Assert.Equal(5, phase.TimeoutSeconds);
        Assert.Equal(["SR-5"], phase.Requirements);
        Assert.Equal(3, phase.Steps.Count);
        MeasurementSpec battery = plan.Measurements.Single(measurement => measurement.Name == "battery");
        Assert.Equal((3.4, 3.6, 4.3), (battery.Minimum!.Value, battery.MarginalMinimum!.Value, battery.Maximum!.Value));
        Assert.Equal(new SourceLocation("example.yaml", 16, 13), battery.Location);
        Assert.Single(plan.Setup.Steps);
        Assert.Single(plan.Teardown.Steps);
        Assert.Null(plan.FirstVirtualOnlyStep);
        Assert.Equal(64, plan.Sha256.Length);
    }

    [Theory]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: [status\n", 6, "Not valid YAML")]
    [InlineData("plan: x\nphase: []\n", 2, "Unknown key 'phase'")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - jump: 3\n", 5, "Unknown step kind 'jump'; expected one of")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: statuz\n", 5, "must be one of control-point, status")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: status\n        measure:\n          - {name: m, field: volts, max: 3}\n", 7, "'read status' has no field 'volts'; its fields are state")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: status\n        measure:\n          - {name: m, field: battery-v, min: 4, max: 3}\n", 7, "'max' must not be below 'min'")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: status\n        measure:\n          - {name: m, field: battery-v}\n", 7, "needs a limit")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: status\n        measure:\n          - {name: m, field: battery-v, max: 4}\n          - {name: m, field: state, equals: idle}\n", 8, "measurement names are unique")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - world: {head: velvet}\n", 5, "must be soft-dome, ridged-wave, bristle-brush, none, short or an ID resistor")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - command: {start: {level: 1}, expect: maybe}\n", 5, "'expect' must be any, a command result")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - wait: {until: {state: running}}\n", 5, "needs 'timeout-ms'")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: battery-level\n        write: settings\n", 5, "A step needs exactly one step kind")]
    [InlineData("plan: x\nphases:\n  - name: Bad Name\n    steps:\n      - read: status\n", 3, "A phase name uses lower-case letters")]
    [InlineData("plan: x\nphases:\n  - name: p\n    retries: 11\n    steps:\n      - read: status\n", 4, "must be 0 to 10")]
    [InlineData("plan: x\nphases:\n  - name: p\n    steps:\n      - read: control-point\n", 5, "cannot be read")]
    [InlineData("plan: x\ndut: {serial: wand 1}\nphases:\n  - name: p\n    steps:\n      - read: status\n", 2, "'dut.serial' must be 'device'")]
    [Trait("Requirement", "HC-3")]
    public void Parse_MalformedPlan_ReportsFileLineColumnAndExpectation(string yaml, int line, string expected)
    {
        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Parse(yaml, "bad.yaml"));

        PlanError match = Assert.Single(error.Errors, item => item.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal("bad.yaml", match.Location.File);
        Assert.Equal(line, match.Location.Line);
        Assert.True(match.Location.Column >= 1);
        Assert.Contains($"bad.yaml:{line}:{match.Location.Column}: error: ", error.Message);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsThemAllInFileOrder()
    {
        const string yaml = "plan: x\nphases:\n  - name: p\n    steps:\n      - read: nothing\n      - advance: -5\n      - wait: {until: {stat: idle}, timeout-ms: 10}\n";

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Parse(yaml, "bad.yaml"));

        Assert.Equal([5, 6, 7], error.Errors.Select(item => item.Location.Line));
    }

    [Fact]
    public void Parse_WorldSteps_MarkThePlanVirtualOnly()
    {
        TestPlan plan = PlanLoader.Parse("plan: x\nphases:\n  - name: p\n    steps:\n      - world: {temperature-c: 40, usb: true}\n", "v.yaml");

        Assert.Equal(5, plan.FirstVirtualOnlyStep!.Location.Line);
    }

    [Fact]
    public void Load_MissingFile_IsAPlanErrorNamingTheFile()
    {
        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load("/nonexistent/plan.yaml"));

        Assert.StartsWith("/nonexistent/plan.yaml:1:1: error: Cannot read the plan", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("end-of-line.yaml")]
    [InlineData("smoke.yaml")]
    public void ShippedPlans_AreValid(string file)
    {
        TestPlan plan = PlanRunning.Load(file);

        Assert.NotEmpty(plan.Phases);
        Assert.All(plan.Measurements, measurement => Assert.False(string.IsNullOrEmpty(measurement.Requirement) && measurement.Name.StartsWith("limit-", StringComparison.Ordinal)));
    }
}
