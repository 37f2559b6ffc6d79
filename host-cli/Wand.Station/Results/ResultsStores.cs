using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Results.PostgreSql;
using Wand.Host.Results.Sqlite;

namespace Wand.Host.Results;

/// <summary>Opens the results store a location names, and knows the default location of a station's file.</summary>
public static class ResultsStores
{
    /// <summary>The environment variable that overrides the default store location.</summary>
    public const string LocationVariable = "WAND_RESULTS";

    /// <summary>The environment variable naming the line database a station forwards its runs to (a <c>postgresql://</c> URI).</summary>
    public const string LineLocationVariable = "WAND_LINE_RESULTS";

    /// <summary>Tells whether a location names a database server rather than a file.</summary>
    /// <param name="location">The location.</param>
    /// <returns><see langword="true"/> for <c>postgresql://</c> and <c>postgres://</c> URIs.</returns>
    public static bool IsServer(string location) => PostgreSqlLocation.IsServer(location);

    /// <summary>Gives a location fit for messages: a server URI without its password.</summary>
    /// <param name="location">The location.</param>
    /// <returns>The location as shown.</returns>
    public static string Shown(string location) => PostgreSqlLocation.IsServer(location) ? PostgreSqlLocation.Redact(location) : location;

    /// <summary>Checks a line database location before anything runs: a well-formed <c>postgresql://</c> URI.</summary>
    /// <param name="location">The location.</param>
    /// <param name="source">Where it came from, for the message (an option or a variable).</param>
    /// <exception cref="ArgumentException">The location is not a <c>postgresql://</c> URI.</exception>
    /// <exception cref="ResultsStoreException">The URI is malformed (the message names the part).</exception>
    public static void CheckLineLocation(string location, string source)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!PostgreSqlLocation.IsServer(location))
        {
            throw new ArgumentException($"{source} must name the line database as a postgresql:// URI; found '{location}'.");
        }

        _ = PostgreSqlLocation.Parse(location);
    }

    /// <summary>Gives the default store of a station: <c>$WAND_RESULTS</c>, or <c>STATION.sqlite</c> under the user's data folder (<c>~/.local/share/wand/results</c> on Linux).</summary>
    /// <param name="stationId">The station ID.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentException">The station ID is not a plain name (see <see cref="CheckStationId"/>).</exception>
    public static string DefaultLocation(string stationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stationId);
        if (CheckStationId(stationId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(stationId));
        }

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

    /// <summary>
    /// Checks a station ID: it names the station's results file, so it is a plain name of 1 to 64 letters, digits,
    /// '.', '-' and '_' that does not start with '.' (no folders, no <c>..</c>).
    /// </summary>
    /// <param name="stationId">The station ID.</param>
    /// <returns>The problem, or <c>null</c> when the ID is acceptable.</returns>
    public static string? CheckStationId(string? stationId)
    {
        bool plain = !string.IsNullOrEmpty(stationId) && stationId.Length <= 64 && stationId[0] != '.'
            && stationId.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '-' or '_');
        return plain ? null : $"--station '{stationId}' is not a plain station name: use 1 to 64 letters, digits, '.', '-' and '_', not starting with '.'.";
    }

    /// <summary>Opens a store: a <c>postgresql://</c> URI (the line's shared database), or else a file path (the station's SQLite file).</summary>
    /// <param name="location">The location.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ResultsStoreException">The store cannot be opened.</exception>
    public static async Task<IResultsStore> OpenAsync(string location, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (PostgreSqlLocation.IsServer(location))
        {
            return await PostgreSqlResultsStore.OpenAsync(location, cancellationToken).ConfigureAwait(false);
        }

        return await SqliteResultsStore.OpenAsync(location, cancellationToken).ConfigureAwait(false);
    }
}
