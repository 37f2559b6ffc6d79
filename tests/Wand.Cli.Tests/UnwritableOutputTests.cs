using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>
/// Standard output or error that cannot be written (a full disk, a closed descriptor) never crashes wand: the job
/// runs and the exit code says the output was lost (4), or keeps the job's own failure code.
/// </summary>
public sealed class UnwritableOutputTests
{
    [Theory]
    [InlineData("status", ">/dev/full", 4)]
    [InlineData("status", ">&-", 4)]
    [InlineData("status", ">&- 2>&-", 4)]
    [InlineData("status", "2>/dev/full", 0)]
    [InlineData("--json status", ">/dev/full 2>/dev/full", 4)]
    [InlineData("start --for NaN", ">/dev/full 2>/dev/full", 3)]
    [InlineData("--help", ">/dev/full", 4)]
    public async Task UnwritableOutput_ExitsWithADocumentedCode(string arguments, string redirection, int expected)
    {
        // The shell applies the redirection; wand's own standard error is captured only when it is left open.
        ProcessStartInfo info = new("/bin/sh") { RedirectStandardError = !redirection.Contains("2>", StringComparison.Ordinal), UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec dotnet \"{ChildProcess.WandDll}\" {arguments} {redirection}");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(info)!;
        Task<string> error = info.RedirectStandardError ? process.StandardError.ReadToEndAsync() : Task.FromResult(string.Empty);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        string stderr = await error;
        Assert.True(expected == process.ExitCode, $"exit {process.ExitCode}, stderr: {stderr}");
        Assert.DoesNotContain("Unhandled", stderr, StringComparison.Ordinal);
    }
}
