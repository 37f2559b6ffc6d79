using Wand.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace Wand.TestRuns.Tests;

public sealed class ScratchNumbers(ITestOutputHelper output)
{
    [Fact]
    public void Targets()
    {
        for (int level = 1; level <= 5; level++)
        {
            output.WriteLine($"{level}: {IdealCalibration.TargetAmplitudeG(level):F4} g, {IdealCalibration.VoltsFor(ErmMotorParameters.Nominal, IdealCalibration.TargetAmplitudeG(level)):F3} V");
        }
        output.WriteLine(ErmMotorParameters.Nominal.ToString());
    }
}
