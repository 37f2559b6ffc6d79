using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace Wand.Flashing.Tests;

/// <summary>
/// Runs Espressif's esptool-js (tests/esptool-js-harness, installed by <c>npm ci</c> in .ci/run) under Node against a
/// TCP port, and returns its JSON report.
/// </summary>
public static class EsptoolJsHarness
{
    /// <summary>Gets the harness folder.</summary>
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "esptool-js-harness");

    /// <summary>Runs the harness and waits for it to exit (it has its own protocol timeouts).</summary>
    /// <param name="mode"><c>write</c>, <c>verify</c> or <c>bench</c>.</param>
    /// <param name="port">The simulator's TCP port.</param>
    /// <param name="baudRate">The transfer rate to ask for.</param>
    /// <param name="files">Address and file path pairs.</param>
    /// <returns>The exit code, the report's root element, and standard error for failure messages.</returns>
    public static (int ExitCode, JsonElement Report, string Log) Run(string mode, int port, int baudRate, IEnumerable<(uint Address, string Path)> files)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "esptool-js")))
        {
            throw new InvalidOperationException($"esptool-js is not installed: run 'npm ci --prefix {Directory}' (.ci/run does).");
        }

        ProcessStartInfo start = new("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("esptool-js-flash.mjs");
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add($"tcp://127.0.0.1:{port}");
        start.ArgumentList.Add("--baud");
        start.ArgumentList.Add(baudRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach ((uint address, string path) in files)
        {
            start.ArgumentList.Add($"{address:X}");
            start.ArgumentList.Add(path);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string log = error.Result;
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string last = lines.Length > 0 ? lines[^1] : "{}";
        JsonElement report;
        try
        {
            report = JsonDocument.Parse(last).RootElement.Clone();
        }
        catch (JsonException)
        {
            report = JsonDocument.Parse("{}").RootElement.Clone();
        }

        return (process.ExitCode, report, $"stdout: {output}\nstderr: {log}");
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WandFirmware.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WandFirmware.sln not found above the test folder.");
    }
}
