using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Results.Sqlite;

namespace Wand.Host.Results;

/// <summary>Opens the results store a location names, and knows the default location of a station's file.</summary>
public static class ResultsStores
{
    /// <summary>The environment variable that overrides the default store location.</summary>
    public const string LocationVariable = "WAND_RESULTS";

    /// <summary>Gives the default store of a station: <c>$WAND_RESULTS</c>, or <c>STATION.sqlite</c> under the user's data folder (<c>~/.local/share/wand/results</c> on Linux).</summary>
    /// <param name="stationId">The station ID.</param>
    /// <returns>The location.</returns>
    public static string DefaultLocation(string stationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stationId);
        string? configured = Environment.GetEnvironmentVariable(LocationVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data))
        {
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(data, "wand", "results", stationId + ".sqlite");
    }

    /// <summary>Opens a store: a file path (SQLite). Server URLs (<c>postgresql://…</c>) are reserved for a shared store.</summary>
    /// <param name="location">The location.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ResultsStoreException">The store cannot be opened.</exception>
    public static async Task<IResultsStore> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ResultsStoreException("A shared PostgreSQL results store is not available in this build; give a SQLite file path.");
        }

        return await SqliteResultsStore.OpenAsync(location, cancellationToken).ConfigureAwait(false);
    }
}
