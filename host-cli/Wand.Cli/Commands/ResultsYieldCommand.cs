using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.TestRuns;
using Wand.Host;
using Wand.Host.Results;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Reports;

namespace Wand.Cli.Commands;

/// <summary><c>wand results yield</c>: first-pass and final yield, retests, the failure Pareto and Cpk/Ppk per measurement.</summary>
internal static class ResultsYieldCommand
{
    private static readonly Option<DirectoryInfo> Csv = new("--csv") { Description = "Also write yield.csv, pareto.csv and capability.csv into this existing folder." };

    /// <summary>Creates the <c>results yield</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command yield = new("yield", "First-pass and final yield with retests by plan, station, day and firmware; failure Pareto; Cpk and Ppk per measurement.")
        {
            ResultsCommand.Store, ResultsCommand.Station, Csv,
        };
        YieldFilterOptions.AddTo(yield);
        yield.SetAction((parseResult, cancellationToken) => ResultsCommand.WithStoreAsync(parseResult, YieldAsync, cancellationToken));
        return yield;
    }

    private static async Task<int> YieldAsync(ParseResult parseResult, IResultsStore store, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        YieldFilter filter = YieldFilterOptions.Read(parseResult);
        DirectoryInfo? csv = parseResult.GetValue(Csv);
        if (csv != null && !csv.Exists)
        {
            throw new ArgumentException($"--csv {csv.FullName} is not an existing folder; create it first.");
        }

        YieldReport report = await store.AnalyzeYieldAsync(filter, cancellationToken).ConfigureAwait(false);
        if (csv != null)
        {
            try
            {
                foreach ((string name, string content) in YieldCsvWriter.Render(report))
                {
                    await OutputFiles.WriteAsync(Path.Combine(csv.FullName, name), content, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return TestRunErrors.Report(output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), new IOException($"Cannot write the CSV files into {csv.FullName}: {exception.Message}", exception), ExitCode.ExportWriteFailed);
            }
        }

        if (parseResult.GetValue(CommonOptions.Json))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(report, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<YieldReport>)TestRecordJson.Options.GetTypeInfo(typeof(YieldReport)))).ConfigureAwait(false);
            return (int)ExitCode.Success;
        }

        YieldGroup all = report.Overall;
        await output.WriteLineAsync($"{all.Units} unit(s), {all.Runs} run(s) in {report.Location} ({YieldDashboardWriter.Describe(filter)})").ConfigureAwait(false);
        await output.WriteLineAsync($"first-pass yield {YieldDashboardWriter.Percent(all.FirstPassYield)} ({all.FirstPassUnits}/{all.Units}), final yield {YieldDashboardWriter.Percent(all.FinalYield)} ({all.FinalPassUnits}/{all.Units}), {all.Retests} retest(s)").ConfigureAwait(false);
        foreach ((string dimension, var groups) in new[] { ("plan", report.ByPlan), ("station", report.ByStation), ("day (UTC)", report.ByDay), ("firmware", report.ByFirmware) })
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            ResultsTable table = new(dimension, "units", "first pass", "final", "runs", "retests");
            foreach (YieldGroup group in groups)
            {
                table.AddRow(group.Key.Length == 0 ? "(none)" : group.Key, Count(group.Units), YieldDashboardWriter.Percent(group.FirstPassYield), YieldDashboardWriter.Percent(group.FinalYield), Count(group.Runs), Count(group.Retests));
            }

            table.Write(output);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        ResultsTable pareto = new("failing measurement", "failures", "share", "cumulative");
        foreach (ParetoEntry entry in report.Pareto)
        {
            pareto.AddRow(entry.Measurement, Count(entry.Failures), YieldDashboardWriter.Percent(entry.Share), YieldDashboardWriter.Percent(entry.CumulativeShare));
        }

        pareto.Write(output);
        await output.WriteLineAsync().ConfigureAwait(false);
        ResultsTable capability = new("measurement", "units", "min", "max", "n", "mean", "σ overall", "σ within", "Cpk", "Ppk");
        foreach (CapabilityEntry entry in report.Capability)
        {
            capability.AddRow(entry.Measurement, entry.Units, YieldDashboardWriter.Number(entry.Minimum), YieldDashboardWriter.Number(entry.Maximum), Count(entry.Count), YieldDashboardWriter.Number(entry.Mean), YieldDashboardWriter.Number(entry.SigmaOverall), YieldDashboardWriter.Number(entry.SigmaWithin), YieldDashboardWriter.Index(entry.Cpk), YieldDashboardWriter.Index(entry.Ppk));
        }

        capability.Write(output);
        if (csv != null)
        {
            await output.WriteLineAsync($"CSV: {Path.Combine(csv.FullName, "yield.csv")}, pareto.csv, capability.csv").ConfigureAwait(false);
        }

        return (int)ExitCode.Success;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
