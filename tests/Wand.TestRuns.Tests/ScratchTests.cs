using System;
using System.Linq;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Records;
using Xunit;
using Xunit.Abstractions;

namespace Wand.TestRuns.Tests;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("smoke.yaml")]
    [InlineData("end-of-line.yaml")]
    public async Task Dump(string plan)
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load(plan));
        output.WriteLine($"{record.Outcome} {record.OutcomeDetails} serial={record.DutSerial} fw={record.FirmwareRevision} sw={record.SoftwareRevision} {record.DurationMilliseconds} ms");
        foreach (PhaseRecord phase in record.Phases)
        {
            output.WriteLine($"  {phase.Name} {phase.Outcome} {phase.Message}");
            foreach (MeasurementRecord m in phase.Measurements)
            {
                output.WriteLine($"    {m.Name} {m.NumericValue}{m.TextValue} {m.Outcome} {m.Message}");
            }
        }
        output.WriteLine(string.Join(", ", record.Series.Select(s => s.Name + ":" + s.Points.Count)));
    }
}
