using System;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;

namespace Wand.Host.Calibration;

/// <summary>
/// The ground truth of a virtual wand, independent of any sensor: runs a normal session through the firmware (as the
/// button or an app would) and reads the simulated motor's true, noise-free amplitude at each level. Used to show
/// that a calibrated virtual unit is within spec.
/// </summary>
public static class VirtualUnitCheck
{
    /// <summary>Time each level is held before its amplitude is read, in milliseconds.</summary>
    public const int LevelSettleMilliseconds = 700;

    /// <summary>Longest wait for the session's ramp-down at the end, in milliseconds.</summary>
    public const int StopTimeoutMilliseconds = 5000;

    /// <summary>Measures every level in a session; the wand must be idle with a head that allows all five levels.</summary>
    /// <param name="wand">The virtual wand (not shared with a real-time loop).</param>
    /// <returns>
    /// True settled amplitude of levels 1 to 5, in g (0 when the motor stalled); <see cref="double.NaN"/> for levels the
    /// firmware refused (uncalibrated: 3 to 5).
    /// </returns>
    public static double[] MeasureLevels(VirtualWand wand)
    {
        ArgumentNullException.ThrowIfNull(wand);
        double[] amplitudes = new double[SafetyLimits.LevelCount];
        Array.Fill(amplitudes, double.NaN);
        WandController controller = wand.Controller ?? throw new InvalidOperationException("The virtual wand's firmware is not running.");
        if (controller.StartRemote(1, PatternKind.Continuous, 0) != CommandResult.Success)
        {
            return amplitudes;
        }

        wand.RunFor(LevelSettleMilliseconds);
        amplitudes[0] = wand.Board.Motor.AmplitudeG;
        for (int level = 2; level <= SafetyLimits.LevelCount; level++)
        {
            if (controller.SetLevel(level) != CommandResult.Success)
            {
                break;
            }

            wand.RunFor(LevelSettleMilliseconds);
            amplitudes[level - 1] = wand.Board.Motor.AmplitudeG;
        }

        controller.StopRemote();
        wand.RunUntil(running => running.Controller?.SessionState == SessionState.Idle, StopTimeoutMilliseconds);
        return amplitudes;
    }
}
