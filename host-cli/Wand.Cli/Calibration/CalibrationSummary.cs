using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Reports;

namespace Wand.Cli.Commands;

/// <summary>The human-readable end of <c>wand calibrate</c>, and the result-to-exit-code mapping.</summary>
internal static class CalibrationSummary
{
    /// <summary>Maps a calibration result to the exit code.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The exit code.</returns>
    public static ExitCode ExitCodeFor(CalibrationResult result)
    {
        if (result.Outcome == CalibrationOutcome.Pass)
        {
            return ExitCode.Success;
        }

        return result.FailureKind switch
        {
            nameof(MotorDoesNotStartException) => ExitCode.CalibrationMotorDoesNotStart,
            nameof(UnitOutOfRangeException) => ExitCode.CalibrationUnitOutOfRange,
            nameof(CalibrationFitException) => ExitCode.CalibrationFitRejected,
            nameof(VerificationFailedException) => ExitCode.CalibrationVerificationFailed,
            nameof(ReadBackMismatchException) => ExitCode.CalibrationReadBackMismatch,
            nameof(FactoryModeRequiredException) => ExitCode.CalibrationFactoryModeRequired,
            "SensorException" => ExitCode.CalibrationSensorError,
            "RecordNotInUse" => ExitCode.CalibrationRecordNotInUse,
            "LinkLostException" => ExitCode.LinkLost,
            "AttErrorException" => ExitCode.DeviceRefused,
            "ProtocolViolationException" => ExitCode.ProtocolError,
            "DeviceUnreachableException" => ExitCode.DeviceUnreachable,
            "OperationCanceledException" or "TaskCanceledException" => ExitCode.Cancelled,
            _ => ExitCode.InternalError,
        };
    }

    /// <summary>Writes the summary table.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="result">The result.</param>
    /// <param name="before">A virtual unit's true level amplitudes before the run, in g; <c>null</c> on hardware.</param>
    /// <param name="truth">A virtual unit's true level amplitudes after the run, in g; <c>null</c> on hardware.</param>
    /// <param name="paths">The report files.</param>
    /// <returns>A task that completes when written.</returns>
    public static async Task WriteAsync(TextWriter output, CalibrationResult result, double[]? before, double[]? truth, CalibrationReportPaths paths)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(invariant, $"{result.Outcome.ToString().ToUpperInvariant()}: {result.Message}")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(invariant, $"Calibration time {result.DurationMilliseconds} ms (virtual), breakaway {result.BreakawayMillivolts} mV, stops below {result.StopMillivolts} mV")).ConfigureAwait(false);
        if (result.LevelChecks.Count > 0)
        {
            await output.WriteLineAsync("level  drive mV  target g  measured g  deviation").ConfigureAwait(false);
            foreach (LevelCheck check in result.LevelChecks)
            {
                await output.WriteLineAsync(string.Create(
                    invariant,
                    $"{check.Level,5}  {check.Millivolts,8}  {check.TargetG,8:0.0000}  {check.MeasuredG,10:0.0000}  {check.RelativeError,9:+0.0%;-0.0%}")).ConfigureAwait(false);
            }
        }

        if (before is not null && truth is not null)
        {
            await output.WriteLineAsync("Virtual unit, true amplitude in a normal session against target:").ConfigureAwait(false);
            await output.WriteLineAsync("  before: " + Deviations(before)).ConfigureAwait(false);
            await output.WriteLineAsync("  after:  " + Deviations(truth)).ConfigureAwait(false);
        }
        await output.WriteLineAsync("Reports: " + paths.JsonPath + ", " + paths.HtmlPath).ConfigureAwait(false);
    }

    private static string Deviations(double[] truth)
    {
        string[] parts = new string[SafetyLimits.LevelCount];
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            double target = LevelTargets.Product.AmplitudeG(level);
            double amplitude = truth[level - 1];
            parts[level - 1] = double.IsNaN(amplitude)
                ? string.Create(CultureInfo.InvariantCulture, $"L{level} refused")
                : string.Create(CultureInfo.InvariantCulture, $"L{level} {(amplitude - target) / target:+0.0%;-0.0%}{(amplitude == 0 ? " (stalled)" : string.Empty)}");
        }

        return string.Join(", ", parts);
    }
}
