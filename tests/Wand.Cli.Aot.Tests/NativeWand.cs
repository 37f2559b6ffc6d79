using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace Wand.Cli.Aot.Tests;

/// <summary>
/// Where the Native AOT <c>wand</c> is: <c>WAND_AOT_BINARY</c> when set (tests/run.sh publishes once and sets it),
/// otherwise published here once per test run into <c>artifacts/aot/wand</c>.
/// </summary>
internal static class NativeWand
{
    /// <summary>The variable naming an already published native binary.</summary>
    public const string BinaryVariable = "WAND_AOT_BINARY";

    private static readonly Lazy<string> Binary = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the native binary's path, publishing it first if needed.</summary>
    public static string Path => Binary.Value;

    /// <summary>Gets the repository root.</summary>
    public static string RepositoryRoot
    {
        get
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory, "WandFirmware.sln")))
            {
                directory = System.IO.Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("The tests run from inside the repository.");
        }
    }

    private static string Locate()
    {
        string? given = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"{BinaryVariable} names {given}, which does not exist.");
        }

        string output = System.IO.Path.Combine(RepositoryRoot, "artifacts", "aot", "wand");
        ProcessStartInfo info = new("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "publish", System.IO.Path.Combine(RepositoryRoot, "host-cli", "Wand.Cli"), "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v:minimal" })
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        string log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string binary = System.IO.Path.Combine(output, "wand");
        return process.ExitCode == 0 && File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"The Native AOT publish failed (exit {process.ExitCode}):\n{log}");
    }
}
