using System;
using System.IO;
using System.Threading.Tasks;
using Npgsql;
using Wand.Host.Results.PostgreSql;

namespace Wand.Results.Benchmarks;

/// <summary>Fresh, empty stores for each measurement: a new database on the server, a new SQLite file in a temporary folder.</summary>
/// <param name="serverLocation">A database on the server the harness may create databases on.</param>
internal sealed class Databases(string serverLocation)
{
    private int created;

    /// <summary>Creates an empty database on the server.</summary>
    /// <returns>Its <c>postgresql://</c> location.</returns>
    public async Task<string> CreateServerDatabaseAsync()
    {
        string name = $"bench_{Environment.ProcessId}_{++created}";
        await using NpgsqlConnection connection = new(PostgreSqlLocation.Parse(serverLocation).ConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand command = new($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        int slash = serverLocation.LastIndexOf('/');
        return serverLocation[..(slash + 1)] + name;
    }

    /// <summary>Gives a path for a new SQLite file.</summary>
    /// <returns>The path; its folder exists.</returns>
    public static string NewFile()
    {
        string folder = Directory.CreateTempSubdirectory("wand-results-bench-").FullName;
        return Path.Combine(folder, "station.sqlite");
    }

    /// <summary>Deletes a file made by <see cref="NewFile"/> and its folder.</summary>
    /// <param name="path">The file.</param>
    public static void Delete(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
