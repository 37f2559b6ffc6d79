using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Wand.Cli.Benchmarks;

/// <summary>
/// Cold start, whole process: a plain hello-world console app under <c>dotnet</c> against <c>wand</c> as a
/// framework-dependent (JIT) build, a ReadyToRun build and the Native AOT binary. Each case runs as a fresh process
/// several times, interleaved; the report gives median, 90th percentile and best wall-clock time, each case's median
/// against the hello world's, and peak resident memory (GNU time's maximum RSS of one extra run).
/// </summary>
internal static class StartupBenchmark
{
    /// <summary>The variable naming an already published Native AOT wand, to skip the (minutes long) AOT publish.</summary>
    private const string NativeBinaryVariable = "WAND_AOT_BINARY";

    public static void Run(string repositoryRoot, int runs)
    {
        string work = Path.Combine(repositoryRoot, "artifacts", "cli-benchmarks");
        string cliProject = Path.Combine(repositoryRoot, "host-cli", "Wand.Cli", "Wand.Cli.csproj");
        string hello = Path.Combine(Publish(Path.Combine(repositoryRoot, "tests", "Wand.Cli.Benchmarks", "HelloWorld", "HelloWorld.csproj"), Path.Combine(work, "hello"), []), "HelloWorld.dll");
        string jit = Path.Combine(Publish(cliProject, Path.Combine(work, "wand"), ["-p:PublishAot=false"]), "wand.dll");
        string readyToRun = Path.Combine(Publish(cliProject, Path.Combine(work, "wand-r2r"), ["-r", "linux-x64", "--self-contained", "false", "-p:PublishAot=false", "-p:PublishReadyToRun=true"]), "wand.dll");
        string? given = Environment.GetEnvironmentVariable(NativeBinaryVariable);
        string native = !string.IsNullOrEmpty(given) ? given : Path.Combine(Publish(cliProject, Path.Combine(work, "wand-aot"), ["-r", "linux-x64"]), "wand");
        string plan = Path.Combine(repositoryRoot, "hardware", "test-plans", "end-of-line.yaml");
        string reports = Path.Combine(work, "eol-reports");
        string[] endOfLine = ["test", "run", plan, "--report-dir", reports, "--no-results"];

        (string Name, string Program, string[] Args)[] cases =
        [
            ("hello world (dotnet hello.dll)", "dotnet", [hello]),
            ("wand --help (JIT)", "dotnet", [jit, "--help"]),
            ("wand --help (ReadyToRun)", "dotnet", [readyToRun, "--help"]),
            ("wand --help (Native AOT)", native, ["--help"]),
            ("wand --version (JIT)", "dotnet", [jit, "--version"]),
            ("wand --version (Native AOT)", native, ["--version"]),
            ("wand status, sim (JIT)", "dotnet", [jit, "status", "--device", "sim"]),
            ("wand status, sim (Native AOT)", native, ["status", "--device", "sim"]),
            ("wand test run end-of-line (JIT)", "dotnet", [jit, .. endOfLine]),
            ("wand test run end-of-line (Native AOT)", native, endOfLine),
        ];

        Dictionary<string, List<double>> times = cases.ToDictionary(item => item.Name, _ => new List<double>());
        foreach ((_, string program, string[] args) in cases)
        {
            Time(program, args); // warm the file cache once; every measured run is still a new process
        }

        for (int run = 0; run < runs; run++)
        {
            foreach ((string name, string program, string[] args) in cases)
            {
                times[name].Add(Time(program, args));
            }
        }

        double helloMedian = Percentile(times[cases[0].Name], 0.5);
        Console.WriteLine($"Cold start, {runs} runs each, interleaved, new process per run (ms; ratio = median / hello world median):");
        Console.WriteLine($"  {"case",-40} {"median",7} {"p90",7} {"best",7} {"ratio",6} {"peak RSS",9}");
        foreach ((string name, string program, string[] args) in cases)
        {
            List<double> values = times[name];
            string memory = PeakResidentKilobytes(program, args) is long kilobytes ? $"{kilobytes / 1024.0:0.0} MB" : "n/a";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {name,-40} {Percentile(values, 0.5),7:0.0} {Percentile(values, 0.9),7:0.0} {values.Min(),7:0.0} {Percentile(values, 0.5) / helloMedian,6:0.00} {memory,9}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Native AOT binary: {native}, {new FileInfo(native).Length / (1024.0 * 1024.0):0.0} MB"));
    }

    /// <summary>The value below which the given fraction of the samples lie (nearest rank).</summary>
    private static double Percentile(List<double> values, double fraction)
    {
        List<double> sorted = values.OrderBy(value => value).ToList();
        int rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static double Time(string program, string[] args)
    {
        Stopwatch clock = Stopwatch.StartNew();
        (int exitCode, string error) = Execute(program, args);
        clock.Stop();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {exitCode}: {error}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>One more run under GNU time for its maximum resident set size in kilobytes; <c>null</c> without /usr/bin/time.</summary>
    private static long? PeakResidentKilobytes(string program, string[] args)
    {
        if (!File.Exists("/usr/bin/time"))
        {
            return null;
        }

        string report = Path.GetTempFileName();
        try
        {
            (int exitCode, _) = Execute("/usr/bin/time", ["-f", "%M", "-o", report, program, .. args]);
            return exitCode == 0 && long.TryParse(File.ReadAllText(report).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kilobytes) ? kilobytes : null;
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static (int ExitCode, string Error) Execute(string program, string[] args)
    {
        ProcessStartInfo info = new(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    private static string Publish(string project, string output, string[] extra)
    {
        List<string> args = ["publish", project, "-c", "Release", "-o", output, "-nologo", "-v:q", .. extra];
        ProcessStartInfo info = new("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Console.WriteLine($"publishing {Path.GetFileName(project)} {string.Join(' ', extra)} ...");
        using Process process = Process.Start(info)!;
        string log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed:\n{log}");
        }

        return output;
    }
}
