using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>
/// Every command's failure under --json is one document of the one error shape on standard error, and nothing on
/// standard output: parse errors, range errors, device errors, plan errors, flashing, results and scan.
/// </summary>
public sealed class ErrorShapeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-errors-").FullName;

    public static TheoryData<string[]> FailingCommands => new()
    {
        new[] { "--json", "bogus" },
        new[] { "--json", "start", "--level", "x" },
        new[] { "--json", "start", "--for", "NaN" },
        new[] { "--json", "pattern", "7" },
        new[] { "--device", "tcp://127.0.0.1:1", "--json", "status" },
        new[] { "--device", "sim:usb=on", "--json", "start" },
        new[] { "--json", "test", "run", "/nonexistent/plan.yaml", "--no-results" },
        new[] { "--json", "flash", "--dry-run" },
        new[] { "--json", "scan", "--seconds", "0" },
        new[] { "--json", "sim", "serve", "--speed", "0" },
        new[] { "--json", "results", "show", "nothing", "--results", "/nonexistent/dir/results.db" },
    };

    [Theory]
    [MemberData(nameof(FailingCommands))]
    public async Task Failure_UnderJson_IsOneErrorDocumentOnStandardError(string[] args)
    {
        CliResult result = await CliRunner.RunAsync(args.Select(arg => arg.Replace("/nonexistent", folder + "/nonexistent", StringComparison.Ordinal)).ToArray());

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(result.Output.Length == 0, result.ToString());
        string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.ToString());
        using JsonDocument document = JsonDocument.Parse(lines[0]);
        JsonElement error = Assert.Single(document.RootElement.EnumerateObject()).Value;
        Assert.Equal(["exitCode", "name", "message", "action"], error.EnumerateObject().Select(property => property.Name).ToArray());
        Assert.Equal(result.ExitCode, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(((ExitCode)result.ExitCode).ToString(), error.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("action").GetString()));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
