using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using Wand.Cli;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary>The shipped station plan calibrates a unit and stores the result next to the QA runs.</summary>
public sealed class StationPlanTests
{
    [Fact]
    public async Task CalibrationPlan_CalibratesAnUncalibratedUnitAndStoresTheRun()
    {
        string directory = Path.Combine(Path.GetTempPath(), "wand-calibration-plan-" + Guid.NewGuid().ToString("N"));
        string store = Path.Combine(directory, "results.sqlite");
        try
        {
            (int exit, string output, string error) = await RunAsync(
                "--device", "sim:calibrated=off", "test", "run", PlanPath(), "--report-dir", directory, "--results", store);
            Assert.True(exit == 0, output + error);
            Assert.Contains("PASS", output, StringComparison.Ordinal);

            (exit, output, error) = await RunAsync("results", "list", "--results", store, "--json");
            Assert.True(exit == 0, output + error);
            Assert.Contains("calibration", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static string PlanPath()
    {
        DirectoryInfo? root = new(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "WandFirmware.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("repository root not found"), "hardware", "test-plans", "calibration.yaml");
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        StringWriter output = new();
        StringWriter error = new();
        int exit = await Program.BuildRootCommand().Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
