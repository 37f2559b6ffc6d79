using System;
using System.Collections.Generic;
using System.IO;
using Spectre.Console;
using Wand.Host.Flashing;

namespace Wand.Cli.Commands;

/// <summary>
/// Shows flashing progress: a Spectre.Console bar per region on a terminal, one line per step otherwise, nothing with
/// <c>--json</c>. Warnings go to standard error.
/// </summary>
internal sealed class ConsoleFlashProgress : IFlashProgress
{
    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly bool quiet;
    private readonly Dictionary<string, ProgressTask> tasks = [];
    private readonly HashSet<string> verified = [];
    private ProgressContext? context;

    public ConsoleFlashProgress(TextWriter output, TextWriter error, bool quiet)
    {
        this.output = output;
        this.error = error;
        this.quiet = quiet;
    }

    /// <summary>Gets a value indicating whether bars can be drawn: an interactive terminal and no JSON.</summary>
    public bool Interactive => !quiet && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="job"/> with live bars when interactive.</summary>
    /// <typeparam name="T">The job's result.</typeparam>
    /// <param name="job">The job.</param>
    /// <returns>Its result.</returns>
    public T Run<T>(Func<T> job)
    {
        if (!Interactive)
        {
            return job();
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(progressContext =>
            {
                context = progressContext;
                return job();
            });
    }

    public void Status(string message)
    {
        if (!quiet && context is null)
        {
            output.WriteLine(message);
        }
    }

    public void Warning(string message) => error.WriteLine($"warning: {message}");

    public void RegionStarted(FlashRegion region, long wireBytes)
    {
        if (context is not null)
        {
            tasks[region.Name] = context.AddTask($"{region.Name} @0x{region.Address:X}", maxValue: region.Data.Length);
        }
        else if (!quiet)
        {
            output.WriteLine($"Writing {region.Name} at 0x{region.Address:X}: {region.Data.Length:N0} bytes (about {wireBytes:N0} compressed)");
        }
    }

    public void RegionProgress(FlashRegion region, long bytesWritten)
    {
        if (tasks.TryGetValue(region.Name, out ProgressTask? task))
        {
            task.Value = bytesWritten;
        }
    }

    public void Verifying(FlashRegion region)
    {
        verified.Add(region.Name);
        if (tasks.TryGetValue(region.Name, out ProgressTask? task))
        {
            task.Description = $"{region.Name} @0x{region.Address:X} verified";
        }
    }

    public void RegionFinished(FlashRegion region, bool skipped)
    {
        if (tasks.TryGetValue(region.Name, out ProgressTask? task))
        {
            task.Description = $"{region.Name} @0x{region.Address:X}{(skipped ? " unchanged, skipped" : verified.Contains(region.Name) ? " verified" : " written")}";
            task.Value = task.MaxValue;
            task.StopTask();
        }
        else if (!quiet)
        {
            output.WriteLine(skipped ? $"  {region.Name}: unchanged (MD5 matches), skipped" : verified.Contains(region.Name) ? $"  {region.Name}: written and verified" : $"  {region.Name}: written, not verified (--no-verify)");
        }
    }
}
