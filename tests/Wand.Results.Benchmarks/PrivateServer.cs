using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Wand.Results.Benchmarks;

/// <summary>
/// A private PostgreSQL server for the harness: <c>initdb</c> in a temporary folder, listening only on a Unix socket
/// there, run as <c>postgres</c> when the harness runs as root (PostgreSQL refuses root). Stopped and deleted on dispose.
/// </summary>
internal sealed class PrivateServer : IAsyncDisposable
{
    private static readonly string[] ProgramFolders = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];
    private readonly string folder = Path.Combine("/tmp", "wandbench-" + Guid.NewGuid().ToString("N")[..10]);

    private string DataFolder => Path.Combine(folder, "data");

    private static string? ServerUser => Environment.UserName == "root" ? "postgres" : null;

    /// <summary>Gets the URI of the server's <c>postgres</c> database.</summary>
    public string Location => $"postgresql://wand@{Uri.EscapeDataString(folder)}/postgres";

    /// <summary>Creates the cluster and starts the server.</summary>
    /// <returns>The running server.</returns>
    public static async Task<PrivateServer> StartAsync()
    {
        PrivateServer server = new();
        Directory.CreateDirectory(server.folder);
        if (ServerUser != null)
        {
            await ExecuteAsync("chown", $"{ServerUser} {server.folder}", asServer: false);
        }

        await ExecuteAsync(Tool("initdb"), $"-D {server.DataFolder} -U wand -A trust --no-sync -E UTF8 --locale=C", asServer: true);
        await ExecuteAsync(Tool("pg_ctl"), $"-D {server.DataFolder} -l {Path.Combine(server.folder, "server.log")} -w -o \"-k {server.folder} -c listen_addresses=''\" start", asServer: true);
        return server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync(Tool("pg_ctl"), $"-D {DataFolder} -m immediate -w stop", asServer: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Tool(string name) => ProgramFolders.Select(candidate => Path.Combine(candidate, name)).FirstOrDefault(File.Exists) ?? name;

    private static async Task ExecuteAsync(string program, string arguments, bool asServer)
    {
        ProcessStartInfo start = asServer && ServerUser != null
            ? new("runuser", $"-u {ServerUser} -- {program} {arguments}")
            : new(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/tmp";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
