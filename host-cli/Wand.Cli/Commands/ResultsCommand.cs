using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.TestRuns;
using Wand.Host.Results;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;

namespace Wand.Cli.Commands;

/// <summary><c>wand results list|show|export</c>: reads the station's results database. Exit codes 50–53.</summary>
internal static class ResultsCommand
{
    /// <summary>The store to read (shared by the <c>results</c> commands).</summary>
    internal static readonly Option<string> Store = new("--results")
    {
        Description = $"Results store: a SQLite file or a postgresql:// URI of the line database (default: ${ResultsStores.LocationVariable}, or ~/.local/share/wand/results/STATION.sqlite).",
    };

    /// <summary>The station whose default file to read (shared by the <c>results</c> commands).</summary>
    internal static readonly Option<string> Station = new("--station")
    {
        Description = "Station whose default results file to read (default: the host name).",
        DefaultValueFactory = _ => Environment.MachineName.ToLowerInvariant(),
    };

    private static readonly Option<string> Serial = new("--serial") { Description = "Only runs of this unit serial number." };

    private static readonly Option<string> PlanName = new("--plan") { Description = "Only runs of this plan name." };

    private static readonly Option<string> Outcome = new("--outcome") { Description = "Only runs with this outcome: pass, fail, error, timeout or aborted." };

    private static readonly Option<bool> Pending = new("--pending") { Description = "Only the runs of the station's file not yet forwarded to the line database." };

    private static readonly Option<int> Limit = new("--limit") { Description = "Most runs to list, 1 to 10000.", DefaultValueFactory = _ => 50 };

    private static readonly Argument<string> RunId = new("RUN") { Description = "The run ID, or at least its first 6 characters." };

    private static readonly Option<string> Format = new("--format") { Description = "Export format: json, junit or html.", DefaultValueFactory = _ => "json" };

    private static readonly Option<FileInfo> OutputFile = new("--output", "-o") { Description = "Write the export to this file instead of standard output." };

    /// <summary>Creates the <c>results</c> command group.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command list = new("list", "List stored runs, newest first.") { Store, Station, Serial, PlanName, Outcome, Pending, Limit };
        list.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, ListAsync, cancellationToken));
        Command show = new("show", "Show one stored run: verdict, phases and every measurement.") { Store, Station, RunId };
        show.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, ShowAsync, cancellationToken));
        Command export = new("export", "Export one stored run as its JSON record, JUnit XML or HTML report.") { Store, Station, RunId, Format, OutputFile };
        export.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, ExportAsync, cancellationToken));
        return new Command("results", "Read the station's results database.") { list, show, export, ResultsSyncCommand.Create(), ResultsYieldCommand.Create(), ResultsReportCommand.Create() };
    }

    /// <summary>Opens the store the options name, runs the work, and turns every failure into an exit code and a message.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="work">The work on the open store.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    internal static async Task<int> WithStoreAsync(ParseResult parseResult, Func<ParseResult, IResultsStore, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        try
        {
            string location = parseResult.GetValue(Store) ?? ResultsStores.DefaultLocation(parseResult.GetValue(Station)!);
            if (!ResultsStores.IsServer(location) && !File.Exists(location))
            {
                throw new ResultsStoreException($"There is no results store at '{location}'; run a test first or give --results.");
            }

            IResultsStore store = await ResultsStores.OpenAsync(location, cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                return await work(parseResult, store, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The command's boundary: every failure becomes an exit code and a message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return TestRunErrors.Report(output, error, json, exception);
        }
    }

    private static async Task<int> ListAsync(ParseResult parseResult, IResultsStore store, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        string? outcomeText = parseResult.GetValue(Outcome);
        RunOutcome? outcome = null;
        if (outcomeText != null)
        {
            if (!Enum.TryParse(outcomeText, ignoreCase: true, out RunOutcome parsed) || !Enum.IsDefined(parsed))
            {
                return TestRunErrors.Report(output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), new ArgumentException($"--outcome must be pass, fail, error, timeout or aborted; found '{outcomeText}'."), ExitCode.ValueOutOfRange);
            }

            outcome = parsed;
        }

        int limit = parseResult.GetValue(Limit);
        if (limit < 1 || limit > 10_000)
        {
            return TestRunErrors.Report(output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), new ArgumentException($"--limit must be 1 to 10000; found {limit}."), ExitCode.ValueOutOfRange);
        }

        bool pendingOnly = parseResult.GetValue(Pending);
        if (pendingOnly && store is not SqliteResultsStore)
        {
            return TestRunErrors.Report(output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), new ArgumentException($"--pending applies to a station's own results file; '{store.Location}' is the line database, which forwards nothing."), ExitCode.ValueOutOfRange);
        }

        IReadOnlyList<RunSummary> runs = await store.ListRunsAsync(new RunQuery { DutSerial = parseResult.GetValue(Serial), PlanName = parseResult.GetValue(PlanName), Outcome = outcome, PendingForwardOnly = pendingOnly, Limit = limit }, cancellationToken).ConfigureAwait(false);
        int? pending = store is SqliteResultsStore station ? await station.CountPendingForwardAsync(cancellationToken).ConfigureAwait(false) : null;
        if (parseResult.GetValue(CommonOptions.Json))
        {
            output.WriteLine(JsonSerializer.Serialize(runs, TestRecordJson.RunSummariesType));
            return (int)ExitCode.Success;
        }

        // The forwarding column appears once the station forwards (a line database configured, or runs already forwarded).
        bool forwarding = pending != null && (pendingOnly || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ResultsStores.LineLocationVariable)) || runs.Any(run => run.Forwarded == true));
        List<string> headers = ["run", "started (UTC)", "serial", "plan", "outcome", "failed", "station"];
        if (forwarding)
        {
            headers.Add("line database");
        }

        ResultsTable table = new([.. headers]);
        foreach (RunSummary run in runs)
        {
            List<string> cells =
            [
                run.RunId[..12],
                run.StartedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                run.DutSerial + (run.Retest > 0 ? $" (retest {run.Retest})" : string.Empty),
                $"{run.PlanName} {run.PlanVersion}".Trim(),
                run.Outcome + (run.Marginal ? " (marginal)" : string.Empty),
                run.FailedMeasurements.ToString(CultureInfo.InvariantCulture),
                run.StationId,
            ];
            if (forwarding)
            {
                cells.Add(run.Forwarded == true ? "forwarded" : "PENDING");
            }

            table.AddRow([.. cells]);
        }

        table.Write(output);
        output.WriteLine($"{runs.Count} run(s) in {store.Location}");
        if (forwarding)
        {
            output.WriteLine(pending == 0 ? "Every run is forwarded to the line database." : $"{pending} run(s) not yet forwarded to the line database; they go with the next run or 'wand results sync'.");
        }
        return (int)ExitCode.Success;
    }

    private static async Task<int> ShowAsync(ParseResult parseResult, IResultsStore store, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TestRecord record = await store.GetRunAsync(parseResult.GetValue(RunId)!, cancellationToken).ConfigureAwait(false);
        if (parseResult.GetValue(CommonOptions.Json))
        {
            output.WriteLine(TestRecordJson.Serialize(record));
            return (int)ExitCode.Success;
        }

        RunHeaderWriter.Write(output, record);
        ResultsTable table = new("phase", "measurement", "value", "limits", "outcome");
        foreach (PhaseRecord phase in record.Phases)
        {
            table.AddRow(phase.Name, string.Empty, string.Empty, string.Empty, phase.Outcome.ToString().ToUpperInvariant());
            foreach (MeasurementRecord measurement in phase.Measurements)
            {
                string outcome = measurement.Outcome.ToString().ToUpperInvariant() + (measurement.Marginal ? " (marginal)" : string.Empty);
                table.AddRow(string.Empty, measurement.Name, MeasurementText.Value(measurement), MeasurementText.Limits(measurement), outcome);
            }
        }

        table.Write(output);
        return (int)ExitCode.Success;
    }

    private static async Task<int> ExportAsync(ParseResult parseResult, IResultsStore store, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        string format = parseResult.GetValue(Format)!;
        Func<TestRecord, string>? render = format switch
        {
            "json" => TestRecordJson.Serialize,
            "junit" => JUnitWriter.Render,
            "html" => HtmlReportWriter.Render,
            _ => null,
        };
        if (render == null)
        {
            return TestRunErrors.Report(output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), new ArgumentException($"--format must be json, junit or html; found '{format}'."), ExitCode.ValueOutOfRange);
        }

        TestRecord record = await store.GetRunAsync(parseResult.GetValue(RunId)!, cancellationToken).ConfigureAwait(false);
        string text = render(record);
        if (parseResult.GetValue(OutputFile) is FileInfo file)
        {
            await TestRecordJson.WriteFileAtomicallyAsync(file.FullName, text, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            output.Write(text);
        }

        return (int)ExitCode.Success;
    }
}
