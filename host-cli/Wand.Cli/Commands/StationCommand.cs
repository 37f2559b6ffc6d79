using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using Wand.Cli.TestRuns;
using Wand.Host.Instruments;
using Wand.Host.Links;
using Wand.Host.Results;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand station run</c>: the operator loop of an end-of-line station (HC-5). Asks for each unit's serial (a barcode
/// scanner types it and Enter), refuses an empty or malformed one, runs the plan (a serial that is not the unit's ends
/// in ERROR before testing), shows PASS or FAIL in large type with the failed measurements, stores the run and waits
/// for the next unit. Each phase is shown as it starts and ends. End of input ends the shift; Ctrl-C, SIGTERM and
/// SIGHUP during a run run the teardown, store the run ABORTED and end the shift with exit code 42.
/// </summary>
internal static class StationCommand
{
    private static readonly Argument<FileInfo> Plan = new("PLAN") { Description = "The test plan (YAML), for example hardware/test-plans/end-of-line.yaml." };

    private static readonly Option<FileInfo> Config = new("--config") { Description = "Station configuration (YAML) mapping each fixture action to the virtual world or an instrument (hardware/station-fixture.md).", Required = true };

    private static readonly Option<DirectoryInfo> ReportDirectory = new("--report-dir")
    {
        Description = "Folder for each run's JSON record, JUnit XML and HTML report (created if missing).",
        DefaultValueFactory = _ => new DirectoryInfo("test-reports"),
    };

    private static readonly Option<string> Variant = new("--variant")
    {
        Description = "Product variant whose limits apply (a name under the plan's 'variants'); without it the plan's own limits.",
    };

    private static readonly Option<string> Operator = new("--operator") { Description = "Operator name recorded with every run." };

    private static readonly Option<string> Results = new("--results")
    {
        Description = $"Results store: a SQLite file or a postgresql:// URI (default: ${ResultsStores.LocationVariable}, or ~/.local/share/wand/results/STATION.sqlite).",
    };

    /// <summary>Creates the <c>station</c> command group.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command run = new("run", "Operator loop: scan a unit's serial, test it, show PASS or FAIL in large type, next unit. End of input (Ctrl-D) ends the shift.")
        {
            Plan, Config, ReportDirectory, Operator, Results, Variant,
        };
        run.SetAction(RunAsync);
        return new Command("station", "Run an end-of-line station for an operator.") { run };
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        TestPlan plan;
        StationConfiguration configuration;
        IResultsStore store;
        try
        {
            plan = PlanLoader.Load(parseResult.GetValue(Plan)!.FullName, TestRunSteps.Create(), parseResult.GetValue(Variant));
            configuration = StationConfigurationLoader.Load(parseResult.GetValue(Config)!.FullName);
            if (ResultsStores.CheckStationId(configuration.StationId) is { } badStation)
            {
                return ExitCodeMapping.Report(output, error, json, ExitCode.InvalidInput, $"{parseResult.GetValue(Config)!.FullName}: station: {badStation}");
            }

            store = await ResultsStores.OpenAsync(parseResult.GetValue(Results) ?? ResultsStores.DefaultLocation(configuration.StationId), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The command's boundary: every failure becomes an exit code and a message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return TestRunErrors.Report(output, error, json, exception);
        }

        await using (store.ConfigureAwait(false))
        {
            IAnsiConsole console = ConsoleFactory.For(output);
            string device = parseResult.GetValue(CommonOptions.Device) ?? "sim";
            string variant = plan.Variant is string chosen ? $" (variant {chosen})" : string.Empty;
            console.MarkupLine($"Station [bold]{Markup.Escape(configuration.StationId)}[/]: plan {Markup.Escape(plan.Name)} {Markup.Escape(plan.Version)}{Markup.Escape(variant)} on {Markup.Escape(device)}; results in {Markup.Escape(store.Location)}.");
            while (true)
            {
                console.WriteLine();
                console.MarkupLine("[bold]Scan the serial of the unit in the fixture and press Enter[/] (Ctrl-D ends the shift).");
                output.Flush();
                string? line;
                try
                {
                    line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    console.MarkupLine("Stopped between units; nothing was running.");
                    return (int)ExitCode.Success;
                }

                if (line == null)
                {
                    console.MarkupLine("End of input: the shift is over.");
                    return (int)ExitCode.Success;
                }

                if (ScannedSerial.Check(line, out string serial) is string refusal)
                {
                    console.MarkupLine($"[red]Refused:[/] {Markup.Escape(refusal)}");
                    continue;
                }

                RunOptions options = new()
                {
                    StationId = configuration.StationId,
                    Operator = parseResult.GetValue(Operator) ?? string.Empty,
                    DutSerial = serial,
                    ExpectedSerial = serial,
                    History = store,
                    HostVersion = typeof(StationCommand).Assembly.GetName().Version?.ToString() ?? string.Empty,
                };
                console.MarkupLine($"Testing unit [bold]{Markup.Escape(serial)}[/]…");
                output.Flush();
                TestRecord record;
                try
                {
                    record = await TestUnitAsync(plan, configuration, device, options, new ConsoleRunProgress(console), cancellationToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // The station keeps running: a unit the station could not test is shown as ERROR.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    ExitCode code = TestRunErrors.CodeOf(exception);
                    if (code is ExitCode.InternalError or ExitCode.TestAborted)
                    {
                        return TestRunErrors.Report(output, error, json, exception);
                    }

                    ShowVerdict(console, "ERROR", serial, [exception.Message, ExitCodeMessages.For(code)]);
                    continue;
                }

                List<string> lines = [];
                try
                {
                    IReadOnlyList<string> reports = await ReportSet.WriteAsync(record, parseResult.GetValue(ReportDirectory)!.FullName, CancellationToken.None).ConfigureAwait(false);
                    lines.AddRange(reports.Select(path => "report: " + path));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    lines.Add("Could not write the reports: " + exception.Message);
                }

                try
                {
                    await store.SaveRunAsync(record, CancellationToken.None).ConfigureAwait(false);
                    lines.Add("stored: " + store.Location);
                }
                catch (ResultsStoreException exception)
                {
                    lines.Add("NOT STORED: " + exception.Message);
                }

                IEnumerable<string> failed = record.Phases.SelectMany(phase => phase.Measurements)
                    .Where(measurement => measurement.Outcome == MeasurementOutcome.Fail)
                    .Select(measurement => $"✗ {measurement.Name}: {measurement.Message}");
                IEnumerable<string> details = record.Outcome is RunOutcome.Pass or RunOutcome.Fail || record.OutcomeDetails.Length == 0 ? [] : [record.OutcomeDetails];
                ShowVerdict(console, OutcomeRules.Name(record.Outcome), serial, [.. failed, .. details, .. lines]);
                if (record.Outcome == RunOutcome.Aborted)
                {
                    error.WriteLine(ExitCodeMessages.For(ExitCode.TestAborted));
                    return (int)ExitCode.TestAborted;
                }
            }
        }
    }

    private static async Task<TestRecord> TestUnitAsync(TestPlan plan, StationConfiguration configuration, string device, RunOptions options, ITestRunProgress progress, CancellationToken cancellationToken)
    {
        IWandLink link = TestRunDevice.Open(device);
        await using (link.ConfigureAwait(false))
        {
            TestRunner.CheckCanRun(plan, link);
            StationInstruments instruments = await StationInstruments.OpenAsync(configuration, WorldFixtureActions.For(link), null, cancellationToken).ConfigureAwait(false);
            await using (instruments.ConfigureAwait(false))
            {
                RunOptions withFixture = options with { FixtureActions = instruments.Actions, Instruments = instruments.Identities };
                return await new TestRunner(withFixture).RunAsync(plan, link, SimulatedStationFixture.For(link), progress, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        Task.Run(Console.In.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);

    private static void ShowVerdict(IAnsiConsole console, string outcome, string serial, IEnumerable<string> lines)
    {
        console.WriteLine();
        console.Write(new FigletText(outcome).Color(outcome switch
        {
            "PASS" => Color.Green,
            "FAIL" => Color.Red,
            _ => Color.Yellow,
        }));
        console.MarkupLine($"Unit [bold]{Markup.Escape(serial)}[/]: [bold]{outcome}[/]");
        foreach (string line in lines)
        {
            console.MarkupLine("  " + Markup.Escape(line));
        }
    }
}
