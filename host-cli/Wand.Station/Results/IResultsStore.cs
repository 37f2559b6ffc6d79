using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.Results;

/// <summary>
/// Where run records are kept: one SQLite file per station by default (<c>SqliteResultsStore</c>);
/// a shared server for a line of stations can implement the same seam. Every run is written in one transaction, so a
/// failed or cancelled write leaves nothing behind. Test runs, calibrations and any other station job store their
/// <see cref="TestRecord"/> here.
/// </summary>
public interface IResultsStore : IAsyncDisposable
{
    /// <summary>Gets where the store lives, for messages (a file path or a server address without credentials).</summary>
    string Location { get; }

    /// <summary>Stores a run with its phases, measurements, series and attachments, all or nothing.</summary>
    /// <param name="record">The run. Its <see cref="TestRecord.RunId"/> must be new to the store.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns>A task that completes when the run is durably stored.</returns>
    /// <exception cref="ResultsStoreException">The write failed; nothing was stored.</exception>
    Task SaveRunAsync(TestRecord record, CancellationToken cancellationToken = default);

    /// <summary>Lists runs, newest first.</summary>
    /// <param name="query">Filters and the row limit.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matching runs, at most <see cref="RunQuery.Limit"/>.</returns>
    /// <exception cref="ResultsStoreException">The store could not be read.</exception>
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one run in full.</summary>
    /// <param name="runId">The run ID, or an unambiguous prefix of at least 6 hex digits.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The record exactly as saved.</returns>
    /// <exception cref="RunNotFoundException">No run (or more than one) matches.</exception>
    /// <exception cref="ResultsStoreException">The store could not be read.</exception>
    Task<TestRecord> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Analyses yield, failures and capability over the runs a filter selects; every store gives the same numbers for the same runs.</summary>
    /// <param name="filter">The runs to cover.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The filter is unusable (an empty date range).</exception>
    /// <exception cref="ResultsStoreException">The store could not be read.</exception>
    Task<YieldReport> AnalyzeYieldAsync(YieldFilter filter, CancellationToken cancellationToken = default);
}
