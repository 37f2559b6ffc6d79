using System;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Calibration;
using Wand.Host.Links.Simulated;
using Wand.Simulation;

namespace Wand.Calibration.Tests;

/// <summary>What one simulated unit came out as: the procedure's result and the amplitudes its levels really give.</summary>
/// <param name="Seed">The unit's seed.</param>
/// <param name="Motor">The unit's true motor parameters.</param>
/// <param name="Result">The calibration result.</param>
/// <param name="TrueLevelAmplitudesG">Settled amplitude of levels 1 to 5 in a normal session after calibration, from the motor model (noise-free).</param>
/// <param name="TopMillivolts">The written level-5 drive, in millivolts.</param>
internal sealed record UnitOutcome(ulong Seed, ErmMotorParameters Motor, CalibrationResult Result, double[] TrueLevelAmplitudesG, int TopMillivolts)
{
    /// <summary>Gets the relative deviation of a level's true amplitude from its product target.</summary>
    public double RelativeError(int level) =>
        (TrueLevelAmplitudesG[level - 1] - LevelTargets.Product.AmplitudeG(level)) / LevelTargets.Product.AmplitudeG(level);

    /// <summary>Gets the largest |relative error| over the levels.</summary>
    public double WorstError
    {
        get
        {
            double worst = 0;
            for (int level = 1; level <= SafetyLimits.LevelCount; level++)
            {
                worst = Math.Max(worst, Math.Abs(RelativeError(level)));
            }

            return worst;
        }
    }
}

/// <summary>
/// Calibrates one simulated unit with <c>wand calibrate</c>'s procedure, then checks it the way a user feels it: a
/// normal session through the firmware, level by level, reading the motor's true settled amplitude.
/// </summary>
internal static class PopulationRunner
{
    public static async Task<UnitOutcome> CalibrateAndCheckAsync(SimulatedWandOptions options, CalibrationOptions? calibration = null)
    {
        await using SimulatedWandLink link = new(options);
        await link.ConnectAsync();
        CalibrationResult result = await new CalibrationProcedure(
            link,
            new Wand.Host.Calibration.Sensors.SimulatedVibrationSensor(link),
            (calibration ?? new CalibrationOptions()) with { Clock = () => link.Wand.Now }).RunAsync();
        double[] amplitudes = MeasureLevelsInSession(link.Wand);
        int top = result.NewRecord?.LevelMillivolts[SafetyLimits.LevelCount - 1] ?? 0;
        return new UnitOutcome(options.Seed, link.Wand.Board.Motor.Parameters, result, amplitudes, top);
    }

    /// <summary>The true level amplitudes of a virtual wand in a normal session.</summary>
    public static double[] MeasureLevelsInSession(VirtualWand wand) => VirtualUnitCheck.MeasureLevels(wand);
}
