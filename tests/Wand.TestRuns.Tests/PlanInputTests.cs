using System;
using System.CommandLine;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Wand.Cli;
using Wand.Host.TestRuns.Plans;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// Hostile plan inputs end in the plan error (exit 44) with a clear message: malformed YAML in run as in validate,
/// nesting deep enough to overflow a recursive reader, endless devices, huge files and FIFOs.
/// </summary>
public sealed class PlanInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-plan-input-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task UnclosedBrace_RunAndValidate_BothExitWithThePlanError()
    {
        string plan = Write("brace.yaml", "plan: x\nphases: {\n");

        (int validate, _, string validateError) = await RunAsync("test", "validate", plan);
        (int run, _, string runError) = await RunAsync("test", "run", plan, "--no-results", "--report-dir", folder);

        Assert.Equal((int)ExitCode.InvalidPlan, validate);
        Assert.Equal(validate, run);
        Assert.Contains("brace.yaml:3:1", validateError, StringComparison.Ordinal);
        Assert.Contains("brace.yaml:3:1", runError, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNesting_IsRefusedAtTheLevelPastTheLimit()
    {
        string plan = Write("deep.yaml", "a: " + new string('[', 50_000) + "\n");

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan));

        PlanError only = Assert.Single(error.Errors);
        Assert.Contains($"deeper than {PlanLoader.MaximumDepth}", only.Message, StringComparison.Ordinal);
        Assert.Equal(1, only.Location.Line);
        Assert.Equal(3 + PlanLoader.MaximumDepth, only.Location.Column); // the mapping is level 1, so the 64th bracket (column 67) is level 65
    }

    [Fact]
    public void EndlessDevice_IsRefusedAsTooLarge()
    {
        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load("/dev/zero"));

        Assert.Contains("larger than 1 MB", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeFile_IsRefusedAsTooLarge()
    {
        string plan = Path.Combine(folder, "huge.yaml");
        using (FileStream stream = File.Create(plan))
        {
            stream.SetLength(PlanLoader.MaximumFileBytes + 1L);
        }

        PlanValidationException error = Assert.Throws<PlanValidationException>(() => PlanLoader.Load(plan));

        Assert.Contains("larger than 1 MB", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifo_IsRefusedWithoutWaitingForAWriter()
    {
        string plan = Path.Combine(folder, "fifo.yaml");
        Assert.Equal(0, MakeFifo(plan, Convert.ToInt32("600", 8)));

        // Opening a FIFO for reading blocks until a writer comes; the loader must not. The wait only bounds a failure.
        PlanValidationException error = await Assert.ThrowsAsync<PlanValidationException>(() => Task.Run(() => PlanLoader.Load(plan)).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Contains("not a regular file", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        int code = await Program.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int MakeFifo(string path, int mode);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
