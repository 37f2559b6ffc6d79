using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Wand.Cli.Benchmarks;

/// <summary>
/// Cold start: builds a plain hello-world console app, the wand CLI, and the wand CLI published ReadyToRun, then runs
/// each as a fresh process several times, interleaved, and reports the median and best wall-clock time.
/// </summary>
internal static class StartupBenchmark
{
    public static void Run(string repositoryRoot, int runs)
    {
        string work = Path.Combine(repositoryRoot, "artifacts", "cli-benchmarks");
        string hello = Publish(Path.Combine(repositoryRoot, "tests", "Wand.Cli.Benchmarks", "HelloWorld", "HelloWorld.csproj"), Path.Combine(work, "hello"), readyToRun: false);
        string wand = Publish(Path.Combine(repositoryRoot, "host-cli", "Wand.Cli", "Wand.Cli.csproj"), Path.Combine(work, "wand"), readyToRun: false);
        string wandReadyToRun = Publish(Path.Combine(repositoryRoot, "host-cli", "Wand.Cli", "Wand.Cli.csproj"), Path.Combine(work, "wand-r2r"), readyToRun: true);

        (string Name, string Dll, string[] Args)[] cases =
        [
            ("hello world (dotnet hello.dll)", Path.Combine(hello, "HelloWorld.dll"), []),
            ("wand --help", Path.Combine(wand, "wand.dll"), ["--help"]),
            ("wand --help (ReadyToRun)", Path.Combine(wandReadyToRun, "wand.dll"), ["--help"]),
            ("wand profile", Path.Combine(wand, "wand.dll"), ["profile"]),
            ("wand profile (ReadyToRun)", Path.Combine(wandReadyToRun, "wand.dll"), ["profile"]),
        ];

        Dictionary<string, List<double>> times = cases.ToDictionary(item => item.Name, _ => new List<double>());
        foreach ((string name, string dll, string[] args) in cases)
        {
            Time(dll, args); // warm the file cache once; every measured run is still a new process
        }

        for (int run = 0; run < runs; run++)
        {
            foreach ((string name, string dll, string[] args) in cases)
            {
                times[name].Add(Time(dll, args));
            }
        }

        Console.WriteLine($"Cold start, {runs} runs each, interleaved (new process per run; median / best, ms):");
        foreach ((string name, _, _) in cases)
        {
            List<double> sorted = times[name].OrderBy(value => value).ToList();
            Console.WriteLine($"  {name,-34} {sorted[sorted.Count / 2],7:0} / {sorted[0],5:0}");
        }
    }

    private static double Time(string dll, string[] args)
    {
        ProcessStartInfo info = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Stopwatch clock = Stopwatch.StartNew();
        using Process process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{dll} {string.Join(' ', args)} exited with {process.ExitCode}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Publish(string project, string output, bool readyToRun)
    {
        List<string> args = ["publish", project, "-c", "Release", "-o", output, "-nologo", "-v:q"];
        if (readyToRun)
        {
            args.AddRange(["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"]);
        }

        ProcessStartInfo info = new("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Console.WriteLine($"publishing {Path.GetFileName(project)}{(readyToRun ? " (ReadyToRun)" : string.Empty)} ...");
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
