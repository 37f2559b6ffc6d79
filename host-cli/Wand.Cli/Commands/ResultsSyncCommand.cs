using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.TestRuns;
using Wand.Host.Results;
using Wand.Host.Results.Forwarding;
using Wand.Host.Results.Sqlite;

namespace Wand.Cli.Commands;

/// <summary><c>wand results sync</c>: forwards the station's runs that the line database does not hold yet (HC-6).</summary>
internal static class ResultsSyncCommand
{
    private static readonly Option<string> Store = new("--results")
    {
        Description = "The station's own SQLite file (default: ~/.local/share/wand/results/STATION.sqlite).",
    };

    private static readonly Option<string> Station = new("--station")
    {
        Description = "Station whose default results file to forward (default: the host name).",
        DefaultValueFactory = _ => Environment.MachineName.ToLowerInvariant(),
    };

    private static readonly Option<string> Line = new("--to")
    {
        Description = $"The line database, a postgresql:// URI (default: ${ResultsStores.LineLocationVariable}).",
    };

    /// <summary>Creates the <c>results sync</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command sync = new("sync", "Forward the runs the line database does not hold yet; a run already there is not stored twice.") { Store, Station, Line };
        sync.SetAction((parseResult, cancellationToken) => SyncAsync(parseResult, cancellationToken));
        return sync;
    }

    private static async Task<int> SyncAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        try
        {
            string? line = parseResult.GetValue(Line) ?? Environment.GetEnvironmentVariable(ResultsStores.LineLocationVariable);
            if (string.IsNullOrWhiteSpace(line) || !ResultsStores.IsServer(line))
            {
                return TestRunErrors.Report(output, error, json, new ArgumentException($"Name the line database with --to postgresql://… or ${ResultsStores.LineLocationVariable}; found '{line}'."), ExitCode.ValueOutOfRange);
            }

            string local = parseResult.GetValue(Store) ?? ResultsStores.DefaultLocation(parseResult.GetValue(Station)!);
            if (ResultsStores.IsServer(local) || !File.Exists(local))
            {
                throw new ResultsStoreException($"There is no station results file at '{local}'; give --results with the station's SQLite file.");
            }

            SqliteResultsStore store = await SqliteResultsStore.OpenAsync(local, cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                ForwardingResult result = await new ResultsForwarder(store, line).ForwardPendingAsync(cancellationToken).ConfigureAwait(false);
                if (result.Failure != null)
                {
                    return TestRunErrors.Report(output, error, json, new ResultsStoreException($"Forwarded {result.Forwarded} runs; {result.Pending} still pending: {result.Failure}"), ExitCode.ForwardingIncomplete);
                }

                await output.WriteLineAsync($"Forwarded {result.Forwarded} runs from '{local}'; none pending.").ConfigureAwait(false);
                return 0;
            }
        }
#pragma warning disable CA1031 // The command's boundary: every failure becomes an exit code and a message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return TestRunErrors.Report(output, error, json, exception);
        }
    }
}
