using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.TestRuns;
using Wand.Host;
using Wand.Host.Results;
using Wand.Host.Results.Yield;

namespace Wand.Cli.Commands;

/// <summary><c>wand results report --html FILE</c>: the self-contained yield dashboard.</summary>
internal static class ResultsReportCommand
{
    private static readonly Option<FileInfo> Html = new("--html") { Description = "Write the dashboard (one self-contained HTML file: yield trend, Pareto, histograms with limits, Cpk table) here." };

    /// <summary>Creates the <c>results report</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command report = new("report", "Write the yield dashboard of the stored runs as one self-contained HTML page.")
        {
            ResultsCommand.Store, ResultsCommand.Station, Html,
        };
        YieldFilterOptions.AddTo(report);
        report.SetAction((parseResult, cancellationToken) => ResultsCommand.WithStoreAsync(parseResult, ReportAsync, cancellationToken));
        return report;
    }

    private static async Task<int> ReportAsync(ParseResult parseResult, IResultsStore store, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        bool json = parseResult.GetValue(CommonOptions.Json);
        FileInfo file = parseResult.GetValue(Html) ?? throw new ArgumentException("Name the dashboard file with --html FILE, for example --html yield.html.");
        if (file.Directory is { Exists: false } folder)
        {
            throw new ArgumentException($"--html {file.FullName}: the folder {folder.FullName} does not exist; create it first.");
        }

        YieldFilter filter = YieldFilterOptions.Read(parseResult);
        YieldReport report = await store.AnalyzeYieldAsync(filter, cancellationToken).ConfigureAwait(false);
        try
        {
            await OutputFiles.WriteAsync(file.FullName, YieldDashboardWriter.Render(report), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return TestRunErrors.Report(output, parseResult.InvocationConfiguration.Error, json, new IOException($"Cannot write the dashboard {file.FullName}: {exception.Message}", exception), ExitCode.ExportWriteFailed);
        }

        YieldGroup all = report.Overall;
        if (json)
        {
            await output.WriteLineAsync(new System.Text.Json.Nodes.JsonObject { ["html"] = file.FullName, ["units"] = all.Units, ["runs"] = all.Runs, ["firstPassYield"] = all.FirstPassYield, ["finalYield"] = all.FinalYield }.ToJsonString()).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"Wrote {file.FullName}: {all.Units} unit(s), first-pass yield {YieldDashboardWriter.Percent(all.FirstPassYield)}, final yield {YieldDashboardWriter.Percent(all.FinalYield)} ({YieldDashboardWriter.Describe(filter)}).").ConfigureAwait(false);
        }

        return (int)ExitCode.Success;
    }
}
