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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UncaughtException_IsInternalErrorInTheOneShape_NotSystemCommandLinesExitCodeOne(bool json)
    {
        System.CommandLine.RootCommand root = Program.BuildRootCommand();
        System.CommandLine.Command failing = new("fail-unexpectedly");
        failing.SetAction((System.CommandLine.ParseResult _) => (int)(object)ThrowUnexpectedly());
        root.Subcommands.Add(failing);
        StringWriter output = new();
        StringWriter error = new();

        int code = await Program.InvokeAsync(
            root.Parse(json ? ["--json", "fail-unexpectedly"] : ["fail-unexpectedly"]),
            new System.CommandLine.InvocationConfiguration { Output = output, Error = error },
            System.Threading.CancellationToken.None);

        Assert.Equal((int)ExitCode.InternalError, code);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Contains("an invariant broke in fail-unexpectedly", error.ToString(), StringComparison.Ordinal);
        if (json)
        {
            using JsonDocument document = JsonDocument.Parse(error.ToString());
            Assert.Equal("InternalError", document.RootElement.GetProperty("error").GetProperty("name").GetString());
        }
        else
        {
            Assert.Contains("(exit code 70, InternalError)", error.ToString(), StringComparison.Ordinal);
        }
    }

    private static object ThrowUnexpectedly() => throw new InvalidOperationException("an invariant broke in fail-unexpectedly");

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
