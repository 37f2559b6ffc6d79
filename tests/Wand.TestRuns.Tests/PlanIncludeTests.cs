using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Wand.Cli;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>Plans that include shared phases from other files, and product variants that override limits.</summary>
public sealed class PlanIncludeTests : IDisposable
{
    private const string SharedPhases = """
        phases:
          - name: identification
            steps:
              - read: protocol-version
                measure:
                  - {name: protocol-major, field: major, equals: 1}
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("wand-plan-include-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Include_SharedPhases_AreReadInPlaceWithTheirMeasurements()
    {
        Write("shared/identification.yaml", SharedPhases);
        string plan = Write("plan.yaml", """
            plan: composed
            setup: [connect]
            phases:
              - include: shared/identification.yaml
              - name: minor
                steps:
                  - read: protocol-version
                    measure:
                      - {name: protocol-minor, field: minor, min: 0, max: 255}
            """);

        TestPlan loaded = PlanLoader.Load(plan);

        Assert.Equal(["identification", "minor"], loaded.Phases.Select(phase => phase.Name));
        Assert.Equal(["protocol-major", "protocol-minor"], loaded.Measurements.Select(measurement => measurement.Name));
        Assert.EndsWith("identification.yaml", loaded.Phases[0].Location.File, StringComparison.Ordinal);

        // The digest covers what ran: changing the included file changes the plan's digest.
        Write("shared/identification.yaml", SharedPhases.Replace("equals: 1", "equals: 2", StringComparison.Ordinal));
        Assert.NotEqual(loaded.Sha256, PlanLoader.Load(plan).Sha256);
    }

    [Fact]
    public void Include_MissingFile_IsAnErrorAtTheInclude()
    {
        string plan = Write("plan.yaml", """
            plan: composed
            phases:
              - include: missing.yaml
            """);

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan));

        PlanError only = Assert.Single(error.Errors);
        Assert.Equal((plan, 3, 14), (only.Location.File, only.Location.Line, only.Location.Column));
        Assert.Contains(Path.Combine(folder, "missing.yaml"), only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Cycle_IsRefusedNamingEveryFileOfIt()
    {
        string plan = Write("a.yaml", """
            plan: a
            phases:
              - include: b.yaml
            """);
        Write("b.yaml", """
            phases:
              - name: b-phase
                steps:
                  - read: protocol-version
                    measure:
                      - {name: protocol-major, field: major, equals: 1}
              - include: a.yaml
            """);

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan));

        PlanError cycle = Assert.Single(error.Errors, item => item.Message.Contains("cycle", StringComparison.Ordinal));
        Assert.EndsWith("b.yaml", cycle.Location.File, StringComparison.Ordinal);
        Assert.Equal(7, cycle.Location.Line);
        Assert.Contains(plan + ":3:14 includes", cycle.Message, StringComparison.Ordinal);
        Assert.Contains("b.yaml:7:14 includes", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ErrorInTheIncludedFile_NamesItsPlaceAndTheInclude()
    {
        Write("shared.yaml", """
            phases:
              - name: identification
                steps:
                  - read: protocol-version
                    measure:
                      - {name: protocol-major, field: nonsense, equals: 1}
            """);
        string plan = Write("plan.yaml", """
            plan: composed
            phases:
              - include: shared.yaml
            """);

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan));

        PlanError only = Assert.Single(error.Errors);
        Assert.EndsWith("shared.yaml", only.Location.File, StringComparison.Ordinal);
        Assert.Equal(6, only.Location.Line);
        Assert.Contains("no field 'nonsense'", only.Message, StringComparison.Ordinal);
        Assert.Contains($"included at {plan}:3:14", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_MeasurementNameTakenInBothFiles_IsRefused()
    {
        Write("shared.yaml", SharedPhases);
        string plan = Write("plan.yaml", """
            plan: composed
            phases:
              - include: shared.yaml
              - name: again
                steps:
                  - read: protocol-version
                    measure:
                      - {name: protocol-major, field: major, equals: 1}
            """);

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan));

        PlanError only = Assert.Single(error.Errors);
        Assert.Equal((plan, 8, 20), (only.Location.File, only.Location.Line, only.Location.Column));
        Assert.Contains("'protocol-major' already exists", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variant_OverridesTheLimitsItNames_AndOnlyWhenChosen()
    {
        string plan = Write("plan.yaml", VariantPlan("protocol-minor: {min: 5, max: 9}"));

        TestPlan own = PlanLoader.Load(plan);
        TestPlan compact = PlanLoader.Load(plan, variant: "compact");

        Assert.Equal(["compact", "travel"], own.Variants);
        Assert.Null(own.Variant);
        Assert.Equal("compact", compact.Variant);
        MeasurementSpec ownMinor = own.Measurements.Single(measurement => measurement.Name == "protocol-minor");
        MeasurementSpec compactMinor = compact.Measurements.Single(measurement => measurement.Name == "protocol-minor");
        Assert.Equal((0.0, 255.0), (ownMinor.Minimum!.Value, ownMinor.Maximum!.Value));
        Assert.Equal((5.0, 9.0), (compactMinor.Minimum!.Value, compactMinor.Maximum!.Value));
        Assert.Equal(
            own.Measurements.Single(measurement => measurement.Name == "protocol-major").Expected,
            compact.Measurements.Single(measurement => measurement.Name == "protocol-major").Expected);
    }

    [Fact]
    public async Task Variant_LimitsApplyWhenTheUnitIsTested()
    {
        string plan = Write("plan.yaml", VariantPlan("protocol-minor: {min: 200, max: 255}"));

        TestRecord own = await PlanRunning.RunAsync(PlanLoader.Load(plan));
        TestRecord compact = await PlanRunning.RunAsync(PlanLoader.Load(plan, variant: "compact"));

        Assert.Equal(RunOutcome.Pass, own.Outcome);
        Assert.Null(own.PlanVariant);
        Assert.Equal(RunOutcome.Fail, compact.Outcome);
        Assert.Equal("compact", compact.PlanVariant);
        Assert.Equal(200.0, compact.Phases.SelectMany(phase => phase.Measurements).Single(measurement => measurement.Name == "protocol-minor").Minimum);
    }

    [Fact]
    public void Variant_Unknown_IsRefusedWithTheKnownNames()
    {
        string plan = Write("plan.yaml", VariantPlan("protocol-minor: {min: 5, max: 9}"));

        PlanVariantException error = Assert.Throws<PlanVariantException>(() => PlanLoader.Load(plan, variant: "deluxe"));

        Assert.Contains("'deluxe'", error.Message, StringComparison.Ordinal);
        Assert.Contains("compact, travel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variant_OverrideOfAMeasurementThatDoesNotExist_IsAnErrorAtItsPlace()
    {
        string plan = Write("plan.yaml", VariantPlan("protocol-patch: {min: 5, max: 9}"));

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan));

        PlanError only = Assert.Single(error.Errors);
        Assert.Equal((plan, 6, 7), (only.Location.File, only.Location.Line, only.Location.Column));
        Assert.Contains("'protocol-patch', which is not a measurement", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variant_ChosenLimitsOutOfOrder_AreAnErrorAtTheVariant()
    {
        string plan = Write("plan.yaml", VariantPlan("protocol-minor: {min: 9, max: 5}"));

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan, variant: "compact"));

        PlanError only = Assert.Single(error.Errors);
        Assert.Equal(6, only.Location.Line);
        Assert.Contains("'max' must not be below 'min'", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRun_UnknownVariant_ExitsWithTheKnownNamesAndRunsNothing()
    {
        string plan = Write("plan.yaml", VariantPlan("protocol-minor: {min: 5, max: 9}"));
        using StringWriter output = new();
        using StringWriter error = new();

        int code = await Program.BuildRootCommand().Parse(["test", "run", plan, "--variant", "deluxe", "--no-results", "--report-dir", Path.Combine(folder, "reports")])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal((int)ExitCode.ValueOutOfRange, code);
        Assert.Contains("compact, travel", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "reports")));
    }

    private static string VariantPlan(string compactLimits) => $$"""
        plan: variants
        setup: [connect]
        variants:
          compact:
            limits:
              {{compactLimits}}
          travel:
            description: The travel wand keeps the plan's limits.
            limits: {}
        phases:
          - name: identification
            steps:
              - read: protocol-version
                measure:
                  - {name: protocol-major, field: major, equals: 1}
                  - {name: protocol-minor, field: minor, min: 0, max: 255}
        """;

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
