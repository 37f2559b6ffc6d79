using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.Results.Forwarding;

/// <summary>
/// Store and forward (HC-6): hands the runs of a station's SQLite file on to the line database, oldest first. A run is
/// marked forwarded only after the line database has committed it; if the connection drops between the two, the next
/// pass uploads it again and the line database, idempotent by run ID, keeps one copy. Nothing is lost and nothing is
/// duplicated; an unreachable line database only leaves runs pending.
/// </summary>
/// <param name="local">The station's own store, written first.</param>
/// <param name="lineLocation">The line database (a <c>postgresql://</c> URI), opened afresh on each pass.</param>
public sealed class ResultsForwarder(SqliteResultsStore local, string lineLocation)
{
    /// <summary>The most runs one pass forwards.</summary>
    private const int BatchLimit = 10_000;

    /// <summary>Gets or sets a hook run after the line database committed a run and before it is marked forwarded (for fault-injection tests).</summary>
    internal Func<string, Task>? AfterUpload { get; set; }

    /// <summary>Forwards every pending run; stops at the first failure of the line database.</summary>
    /// <param name="cancellationToken">Cancels the pass; what was forwarded stays forwarded.</param>
    /// <returns>What was forwarded and what is still pending.</returns>
    /// <exception cref="ResultsStoreException">The station's own store could not be read or written.</exception>
    public async Task<ForwardingResult> ForwardPendingAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending = await local.ListPendingForwardAsync(BatchLimit, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return new ForwardingResult(0, 0, null);
        }

        int forwarded = 0;
        IResultsStore? line = null;
        try
        {
            line = await ResultsStores.OpenAsync(lineLocation, cancellationToken).ConfigureAwait(false);
            foreach (string runId in pending)
            {
                TestRecord record = await local.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
                await line.SaveRunAsync(record, cancellationToken).ConfigureAwait(false);
                if (AfterUpload != null)
                {
                    await AfterUpload(runId).ConfigureAwait(false);
                }

                await local.MarkForwardedAsync(runId, cancellationToken).ConfigureAwait(false);
                forwarded++;
            }

            return new ForwardingResult(forwarded, 0, null);
        }
        catch (ResultsStoreException error)
        {
            return new ForwardingResult(forwarded, pending.Count - forwarded, error.Message);
        }
        finally
        {
            if (line != null)
            {
                await line.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
