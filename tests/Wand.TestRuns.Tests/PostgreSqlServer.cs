using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// A private PostgreSQL server for the tests: a cluster made by <c>initdb</c> in a temporary folder, listening only on
/// a Unix socket in that folder (no TCP port), run by an unprivileged user because PostgreSQL refuses to run as root.
/// It is stopped and its folder deleted on dispose. <c>.ci/run</c> installs Debian's postgresql when the tools are missing.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    /// <summary>Where Debian keeps the server programs when they are not on PATH (package postgresql-15).</summary>
    private static readonly string[] ProgramFolders = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

    private readonly string folder = Path.Combine("/tmp", "wandpg-" + Guid.NewGuid().ToString("N")[..10]);
    private int databases;

    private string DataFolder => Path.Combine(folder, "data");

    /// <summary>Gets the user the server runs as when the tests run as root, or null when they do not.</summary>
    private static string? ServerUser => Environment.UserName == "root" ? "postgres" : null;

    /// <summary>Gets a location for a new, empty database on this server.</summary>
    /// <returns>A <c>postgresql://</c> URI over the Unix socket.</returns>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "line" + System.Threading.Interlocked.Increment(ref databases);
        await RunAsync(Tool("psql"), $"-h {folder} -U wand -d postgres -v ON_ERROR_STOP=1 -c \"CREATE DATABASE {name}\"");
        return Location(name);
    }

    /// <summary>Gives the URI of a database on this server.</summary>
    /// <param name="database">The database name.</param>
    /// <returns>The URI.</returns>
    public string Location(string database) => $"postgresql://wand@{Uri.EscapeDataString(folder)}/{database}";

    /// <summary>Stops the server (fast shutdown: open connections are cut).</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public Task StopAsync() => RunAsync(Tool("pg_ctl"), $"-D {DataFolder} -m fast -w stop");

    /// <summary>Starts the server on the Unix socket in its folder and waits until it accepts connections.</summary>
    /// <returns>A task that completes when the server is ready.</returns>
    public Task StartAsync() => RunAsync(Tool("pg_ctl"), $"-D {DataFolder} -l {Path.Combine(folder, "server.log")} -w -o \"-k {folder} -c listen_addresses='' -c fsync=off\" start");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        if (ServerUser != null)
        {
            await EnsureUserAsync(ServerUser);
            await RunAsRootAsync("chown", $"{ServerUser} {folder}");
        }

        await RunAsync(Tool("initdb"), $"-D {DataFolder} -U wand -A trust --no-sync -E UTF8 --locale=C");
        await StartAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await RunAsync(Tool("pg_ctl"), $"-D {DataFolder} -m immediate -w stop");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Tool(string name)
    {
        foreach (string candidate in ProgramFolders)
        {
            string path = Path.Combine(candidate, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return name;
    }

    private static async Task EnsureUserAsync(string user)
    {
        if ((await ExecuteAsync("id", user)).ExitCode != 0)
        {
            await RunAsRootAsync("useradd", $"--system --no-create-home --shell /usr/sbin/nologin {user}");
        }
    }

    private static async Task RunAsRootAsync(string program, string arguments)
    {
        (int exitCode, string output) = await ExecuteAsync(program, arguments);
        Assert.True(exitCode == 0, $"{program} {arguments} failed ({exitCode}): {output}");
    }

    private static async Task RunAsync(string program, string arguments)
    {
        (int exitCode, string output) = ServerUser == null
            ? await ExecuteAsync(program, arguments)
            : await ExecuteAsync("runuser", $"-u {ServerUser} -- {program} {arguments}");
        Assert.True(exitCode == 0, $"{program} {arguments} failed ({exitCode}): {output}");
    }

    private static async Task<(int ExitCode, string Output)> ExecuteAsync(string program, string arguments)
    {
        ProcessStartInfo start = new(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
