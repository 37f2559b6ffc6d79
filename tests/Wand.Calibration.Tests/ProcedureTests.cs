using System.Threading.Tasks;
using Wand.Host.Calibration;
using Xunit;
using Xunit.Abstractions;

namespace Wand.Calibration.Tests;

public sealed class ProcedureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Calibrate_UncalibratedNominalUnit_PassesAndWritesRecord()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 7, spread: 0);
        CalibrationResult result = await unit.CalibrateAsync();
        output.WriteLine($"{result.Outcome} {result.Message} {result.DurationMilliseconds} ms");
        foreach (var p in result.SweepPoints) output.WriteLine(p.ToString());
        foreach (var c in result.LevelChecks) output.WriteLine(c.ToString() + " " + c.RelativeError);
        output.WriteLine(result.NewRecord?.ToString() + string.Join(",", result.NewRecord?.LevelMillivolts ?? []));
        output.WriteLine($"breakaway {result.BreakawayMillivolts} stop {result.StopMillivolts} probes {result.BreakawayProbes.Count}");
        Assert.Equal(CalibrationOutcome.Pass, result.Outcome);
    }
}
