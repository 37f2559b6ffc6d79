using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using Wand.Cli.Output;
using Wand.Cli.TestRuns;
using Wand.Host.Instruments;
using Wand.Host.Links;
using Wand.Host.Results;
using Wand.Host.Results.Forwarding;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;
using Wand.Host.TestRuns.Steps;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand test run|validate|list-steps</c>: runs a YAML test plan against a wand, writes its JSON record, JUnit XML
/// and HTML report, and stores it in the station's results database. Exit codes 40–46.
/// </summary>
internal static class TestRunCommand
{
    private static readonly Argument<FileInfo> Plan = new("PLAN") { Description = "The test plan (YAML), for example hardware/test-plans/end-of-line.yaml." };

    private static readonly Option<DirectoryInfo> ReportDirectory = new("--report-dir")
    {
        Description = "Folder for the JSON record, JUnit XML and HTML report (created if missing).",
        DefaultValueFactory = _ => new DirectoryInfo("test-reports"),
    };

    private static readonly Option<string> Station = new("--station")
    {
        Description = "Station ID recorded with the run and naming its results file (default: the host name).",
        DefaultValueFactory = _ => Environment.MachineName.ToLowerInvariant(),
    };

    private static readonly Option<string> Operator = new("--operator") { Description = "Operator name recorded with the run." };

    private static readonly Option<string> Serial = new("--serial") { Description = "Serial number to record instead of the unit's Device Information." };

    private static readonly Option<string> Results = new("--results")
    {
        Description = $"Results store: a SQLite file or a postgresql:// URI of the line database (default: ${ResultsStores.LocationVariable}, or ~/.local/share/wand/results/STATION.sqlite).",
    };

    private static readonly Option<string> ForwardTo = new("--forward-to")
    {
        Description = $"Line database to forward each run to after storing it in the station's file, a postgresql:// URI (default: ${ResultsStores.LineLocationVariable}); while it is unreachable runs wait in the station's file.",
    };

    private static readonly Option<bool> NoResults = new("--no-results") { Description = "Do not store the run in the results database." };

    private static readonly Option<string> Variant = new("--variant")
    {
        Description = "Product variant whose limits apply (a name under the plan's 'variants'); without it the plan's own limits.",
    };

    private static readonly Option<FileInfo> StationConfig = new("--station-config")
    {
        Description = "Station configuration (YAML) mapping each fixture action to the virtual world or an instrument (hardware/station-fixture.md).",
    };

    /// <summary>Creates the <c>test</c> command group.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command run = new("run", "Run a test plan against the wand and write its record and reports; exit 0 PASS, 40 FAIL, 41 ERROR, 42 ABORTED, 43 TIMEOUT.")
        {
            Plan, ReportDirectory, Station, Operator, Serial, Results, ForwardTo, NoResults, StationConfig, Variant,
        };
        run.SetAction(RunAsync);

        Command validate = new("validate", "Check a test plan without a device: every error with file, line and column.") { Plan, Variant };
        validate.SetAction(parseResult => Validate(parseResult));

        Command listSteps = new("list-steps", "List the step kinds a plan can use, with an example of each.");
        listSteps.SetAction(parseResult => ListSteps(parseResult));

        return new Command("test", "Run QA test plans (end-of-line, smoke) and check plans.") { run, validate, listSteps };
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        string station = parseResult.GetValue(Station)!;
        TestPlan plan;
        StationConfiguration? stationConfiguration = null;
        IResultsStore? store = null;
        string? line = null;
        if (ResultsStores.CheckStationId(station) is { } badStation)
        {
            return ExitCodeMapping.Report(output, error, json, ExitCode.ValueOutOfRange, badStation);
        }

        try
        {
            plan = PlanLoader.Load(RelativeOrFull(parseResult.GetValue(Plan)!), TestRunSteps.Create(), parseResult.GetValue(Variant));
            if (parseResult.GetValue(StationConfig) is FileInfo configuration)
            {
                stationConfiguration = StationConfigurationLoader.Load(RelativeOrFull(configuration));
            }
            if (!parseResult.GetValue(NoResults))
            {
                string location = parseResult.GetValue(Results) ?? ResultsStores.DefaultLocation(station);
                line = LineLocation(parseResult, location);
                store = await ResultsStores.OpenAsync(location, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The command's boundary: every failure becomes an exit code and a message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return TestRunErrors.Report(output, error, json, exception);
        }

        try
        {
            return await RunPlanAsync(parseResult, plan, stationConfiguration, store, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (store != null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> RunPlanAsync(ParseResult parseResult, TestPlan plan, StationConfiguration? stationConfiguration, IResultsStore? store, string? line, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        IAnsiConsole console = ConsoleFactory.For(output);
        RunOptions options = new()
        {
            StationId = parseResult.GetValue(Station)!,
            Operator = parseResult.GetValue(Operator) ?? string.Empty,
            DutSerial = parseResult.GetValue(Serial),
            HostVersion = typeof(TestRunCommand).Assembly.GetName().Version?.ToString() ?? string.Empty,
            // The store the run goes to knows the unit's earlier runs; a line database named only for forwarding is not asked.
            History = store,
        };
        TestRecord record;
        try
        {
            IWandLink link = TestRunDevice.Open(parseResult.GetValue(CommonOptions.Device) ?? "sim");
            await using (link.ConfigureAwait(false))
            {
                TestRunner.CheckCanRun(plan, link);
                ITestRunProgress progress = json ? NoProgress.Instance : new ConsoleRunProgress(console);
                StationInstruments? instruments = stationConfiguration == null
                    ? null
                    : await StationInstruments.OpenAsync(stationConfiguration, WorldFixtureActions.For(link), null, cancellationToken).ConfigureAwait(false);
                await using (instruments)
                {
                    RunOptions withFixture = options with
                    {
                        FixtureActions = instruments?.Actions ?? WorldFixtureActions.For(link),
                        Instruments = instruments?.Identities ?? [],
                    };
                    record = await new TestRunner(withFixture).RunAsync(plan, link, SimulatedStationFixture.For(link), progress, cancellationToken).ConfigureAwait(false);
                }
            }
        }
#pragma warning disable CA1031 // The command's boundary.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return TestRunErrors.Report(output, error, json, exception);
        }

        ExitCode code = record.Outcome switch
        {
            RunOutcome.Pass => ExitCode.Success,
            RunOutcome.Fail => ExitCode.TestFailed,
            RunOutcome.Error => ExitCode.TestError,
            RunOutcome.Aborted => ExitCode.TestAborted,
            _ => ExitCode.TestTimeout,
        };
        List<string> problems = [];
        IReadOnlyList<string> reports = [];
        try
        {
            reports = await ReportSet.WriteAsync(record, parseResult.GetValue(ReportDirectory)!.FullName, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add("Could not write the reports: " + exception.Message);
            code = ExitCode.ReportWriteFailed;
        }

        try
        {
            if (store != null)
            {
                await store.SaveRunAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (ResultsStoreException exception)
        {
            problems.Add(exception.Message);
            code = ExitCode.ResultsStoreWriteFailed;
        }

        ForwardingResult? forwarding = null;
        if (line != null && store is SqliteResultsStore station && code != ExitCode.ResultsStoreWriteFailed)
        {
            // The run is safe in the station's file; the line database being down only leaves it pending.
            forwarding = await new ResultsForwarder(station, line).ForwardPendingAsync(CancellationToken.None).ConfigureAwait(false);
            if (forwarding.Failure != null)
            {
                problems.Add($"The run is stored in '{station.Location}' but not yet in the line database: {forwarding.Failure} {forwarding.Pending} run(s) wait and are forwarded after the next run or by 'wand results sync'.");
            }
        }

        if (json)
        {
            // The record's own style (indented, nulls left out), so the document reads as the record file does.
            JsonObject document = new()
            {
                ["outcome"] = OutcomeRules.Name(record.Outcome),
                ["exitCode"] = (int)code,
                ["runId"] = record.RunId,
                ["dutSerial"] = record.DutSerial,
                ["failedMeasurements"] = CliJson.Texts(record.Phases.SelectMany(phase => phase.Measurements).Where(measurement => measurement.Outcome == MeasurementOutcome.Fail).Select(measurement => measurement.Name)),
                ["reports"] = CliJson.Texts(reports),
            };
            if (store?.Location is string location)
            {
                document["resultsStore"] = location;
            }

            if (forwarding != null)
            {
                document["forwarded"] = forwarding.Forwarded;
                document["pendingForward"] = forwarding.Pending;
            }

            document["problems"] = CliJson.Texts(problems);
            document["record"] = CliJson.Node(record, TestRecordJson.RecordType);
            output.WriteLine(document.ToJsonString(TestRecordJson.Options));
        }
        else
        {
            RunSummaryWriter.Write(console, record, reports, store?.Location);
            if (forwarding is { Failure: null, Forwarded: > 0 })
            {
                output.WriteLine($"  forwarded: {forwarding.Forwarded} run(s) to {ResultsStores.Shown(line!)}");
            }

            foreach (string problem in problems)
            {
                error.WriteLine(problem);
            }

            if (code != ExitCode.Success)
            {
                error.WriteLine(ExitCodeMessages.For(code));
            }
        }

        return (int)code;
    }

    private static int Validate(ParseResult parseResult)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        try
        {
            TestPlan plan = PlanLoader.Load(RelativeOrFull(parseResult.GetValue(Plan)!), TestRunSteps.Create(), parseResult.GetValue(Variant));
            int measurements = plan.Measurements.Count();
            string virtualOnly = plan.FirstVirtualOnlyStep is StepPlan step
                ? $"needs a virtual wand (world steps, first at {step.Location})"
                : plan.FirstFixtureStep is StepPlan fixtureStep
                    ? $"needs the station fixture: a virtual wand or --station-config (fixture steps, first at {fixtureStep.Location})"
                    : "runs on real hardware and virtual wands";
            if (json)
            {
                CliJson.Write(output, new JsonObject { ["valid"] = true, ["plan"] = plan.Name, ["version"] = plan.Version, ["variant"] = plan.Variant, ["variants"] = CliJson.Texts(plan.Variants), ["phases"] = plan.Phases.Count, ["measurements"] = measurements, ["virtualOnly"] = plan.FirstVirtualOnlyStep != null });
            }
            else
            {
                string variants = plan.Variants.Count == 0 ? string.Empty : $" Variants: {string.Join(", ", plan.Variants)}" + (plan.Variant is string chosen ? $" (limits of '{chosen}')." : ".");
                output.WriteLine($"{plan.File}: valid plan '{plan.Name}' {plan.Version}: {plan.Phases.Count} phases, {measurements} measurements; {virtualOnly}.{variants}");
            }

            return (int)ExitCode.Success;
        }
        catch (PlanVariantException exception)
        {
            return TestRunErrors.Report(output, error, json, exception);
        }
        catch (PlanValidationException exception)
        {
            if (json)
            {
                CliJson.Write(output, new JsonObject
                {
                    ["valid"] = false,
                    ["exitCode"] = (int)ExitCode.InvalidPlan,
                    ["errors"] = CliJson.Array(exception.Errors, item => new JsonObject { ["file"] = item.Location.File, ["line"] = item.Location.Line, ["column"] = item.Location.Column, ["message"] = item.Message }),
                });
                return (int)ExitCode.InvalidPlan;
            }

            return TestRunErrors.Report(output, error, json, exception);
        }
    }

    private static int ListSteps(ParseResult parseResult)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        StepRegistry registry = TestRunSteps.Create();
        if (parseResult.GetValue(CommonOptions.Json))
        {
            CliJson.Write(output, CliJson.Array(registry.Kinds, kind => new JsonObject { ["name"] = kind.Name, ["summary"] = kind.Summary, ["example"] = kind.Example }));
            return (int)ExitCode.Success;
        }

        foreach (IStepKind kind in registry.Kinds)
        {
            output.WriteLine($"{kind.Name,-11} {kind.Summary}");
            output.WriteLine($"{string.Empty,-11} {kind.Example}");
        }

        output.WriteLine("Every step may also carry 'name' and 'measure' (a list of {name, field, units, min, max, marginal-min, marginal-max | equals | matches}).");
        return (int)ExitCode.Success;
    }

    /// <summary>
    /// The line database runs are forwarded to: <c>--forward-to</c> or <c>$WAND_LINE_RESULTS</c>, checked before anything
    /// runs. None when the station stores straight into a server.
    /// </summary>
    private static string? LineLocation(ParseResult parseResult, string storeLocation)
    {
        string? given = parseResult.GetValue(ForwardTo);
        string? line = given ?? Environment.GetEnvironmentVariable(ResultsStores.LineLocationVariable);
        if (string.IsNullOrWhiteSpace(line) || ResultsStores.IsServer(storeLocation))
        {
            return null;
        }

        ResultsStores.CheckLineLocation(line, given != null ? "--forward-to" : "$" + ResultsStores.LineLocationVariable);
        return line;
    }

    /// <summary>The plan path as the user wrote it when relative to the current folder (for messages), else the full path.</summary>
    private static string RelativeOrFull(FileInfo file)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, file.FullName);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file.FullName : relative;
    }
}
