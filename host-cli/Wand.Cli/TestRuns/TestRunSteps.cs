using Wand.Host.Calibration.TestRunStep;
using Wand.Host.TestRuns.Steps;

namespace Wand.Cli.TestRuns;

/// <summary>The step kinds plans run by <c>wand test</c> may use: the built-in ones and the station jobs' (calibrate, calibrate-sensors).</summary>
internal static class TestRunSteps
{
    /// <summary>Creates the registry.</summary>
    /// <returns>Built-in step kinds plus <c>calibrate</c> and <c>calibrate-sensors</c>.</returns>
    public static StepRegistry Create() => StepRegistry.CreateDefault().Add(new CalibrationStepKind()).Add(new SensorCalibrationStepKind());
}
