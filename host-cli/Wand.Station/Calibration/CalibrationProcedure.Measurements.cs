using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Calibration.Fitting;
using Wand.Host.Calibration.Sensors;
using Wand.Protocol.Factory;

namespace Wand.Host.Calibration;

/// <summary>The measuring steps of the procedure: breakaway, sweep, sustain and verification.</summary>
public sealed partial class CalibrationProcedure
{
    /// <summary>Longest wait for the rotor to run down to standstill, in milliseconds.</summary>
    public const int StandstillTimeoutMilliseconds = 3000;

    /// <summary>Extra watching time of a breakaway probe when the sensor reports no frequency, in milliseconds.</summary>
    public const int AmplitudeOnlyProbeMilliseconds = 30;

    /// <summary>Extra run-down time after an amplitude-only sensor saw standstill, in milliseconds.</summary>
    public const int RundownMarginMilliseconds = 100;

    /// <summary>Drives closer than this to an existing sweep point are not measured again, in millivolts.</summary>
    private const int PointSpacingMillivolts = 15;

    /// <summary>Amplitude that counts as "turning" for a sensor without frequency, as a fraction of the level-1 target.</summary>
    private const double TurningFractionOfFloor = 0.25;

    private async Task<int> FindBreakawayAsync(RunState state, CancellationToken cancellationToken)
    {
        Report(CalibrationStage.Breakaway, "Searching the breakaway voltage", 0.08);
        await WaitForStandstillAsync(cancellationToken).ConfigureAwait(false);
        int low = options.BreakawaySearchFloorMillivolts;
        int high = state.Ceiling;
        if (!await ProbeAsync(state, high, cancellationToken).ConfigureAwait(false))
        {
            throw new MotorDoesNotStartException(
                $"The motor did not start at the {high} mV ceiling. Check the motor's wiring and the head's fit, or replace the motor.");
        }

        while (high - low > options.BreakawayResolutionMillivolts)
        {
            int middle = (low + high) / 2;
            if (await ProbeAsync(state, middle, cancellationToken).ConfigureAwait(false))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }

            Report(CalibrationStage.Breakaway, $"Breakaway between {low} and {high} mV", 0.08 + (0.17 * state.Probes.Count / 8.0));
        }

        return high;
    }

    /// <summary>A short pulse from standstill: did the rotor break away?</summary>
    private async Task<bool> ProbeAsync(RunState state, int millivolts, CancellationToken cancellationToken)
    {
        await client.RawDriveAsync(millivolts, options.BreakawayProbeMilliseconds + 100, cancellationToken).ConfigureAwait(false);
        VibrationReading reading = await sensor.MeasureAsync(options.BreakawayProbeMilliseconds, cancellationToken).ConfigureAwait(false);
        bool started = IsTurning(reading);
        if (!started && !sensorReportsFrequency)
        {
            // Amplitude alone shows a start only once the rotor has gained speed: watch longer.
            reading = await sensor.MeasureAsync(AmplitudeOnlyProbeMilliseconds, cancellationToken).ConfigureAwait(false);
            started = IsTurning(reading);
        }

        await client.StopAsync(cancellationToken).ConfigureAwait(false);
        state.Probes.Add(new BreakawayProbe(millivolts, started));
        if (started)
        {
            await WaitForStandstillAsync(cancellationToken).ConfigureAwait(false);
        }

        return started;
    }

    /// <summary>
    /// Waits until the rotor stands still. With frequency, one window at 0 Hz is enough. Without it, a slowly
    /// turning rotor hides in the noise, so two windows must look like noise alone (mean no larger than the spread)
    /// and the rotor then gets <see cref="RundownMarginMilliseconds"/> more to run down.
    /// </summary>
    private async Task WaitForStandstillAsync(CancellationToken cancellationToken)
    {
        int waited = 0;
        int quietWindows = 0;
        while (true)
        {
            VibrationReading reading = await sensor.MeasureAsync(options.SettleWindowMilliseconds, cancellationToken).ConfigureAwait(false);
            sensorReportsFrequency |= reading.FrequencyHertz > 0;
            quietWindows = IsStill(reading) ? quietWindows + 1 : 0;
            if (quietWindows >= (sensorReportsFrequency ? 1 : 2))
            {
                break;
            }

            waited += options.SettleWindowMilliseconds;
            if (waited >= StandstillTimeoutMilliseconds)
            {
                throw new SensorException($"The rotor still vibrated {StandstillTimeoutMilliseconds} ms after the drive stopped; check the sensor.");
            }
        }

        if (!sensorReportsFrequency)
        {
            await sensor.MeasureAsync(RundownMarginMilliseconds, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsStill(VibrationReading reading)
    {
        return sensorReportsFrequency
            ? !reading.IsTurning
            : reading.AmplitudeG <= Math.Max(reading.AmplitudeDeviationG, 4 * reading.AmplitudeStandardErrorG);
    }

    private bool IsTurning(VibrationReading reading)
    {
        sensorReportsFrequency |= reading.FrequencyHertz > 0;
        return reading.IsTurning
            || reading.AmplitudeG > Math.Max(TurningFractionOfFloor * options.Targets.FloorAmplitudeG, 4 * reading.AmplitudeStandardErrorG);
    }

    /// <summary>
    /// Settled amplitude from the ceiling downwards, so the rotor keeps turning: the ceiling, a point near breakaway,
    /// then the drives a two-point fit predicts for the five levels.
    /// </summary>
    private async Task SweepAsync(RunState state, CancellationToken cancellationToken)
    {
        Report(CalibrationStage.Sweep, $"Spinning up at {state.Ceiling} mV", 0.25);
        DrivePoint top = await MeasureAtAsync(state.Ceiling, cancellationToken).ConfigureAwait(false);
        state.Points.Add(top);
        LevelTargets targets = options.Targets;
        if (top.AmplitudeG < targets.TopAmplitudeG * (1 - (targets.Tolerance / 2)))
        {
            throw new UnitOutOfRangeException(
                $"At the {state.Ceiling} mV ceiling the motor reaches only {top.AmplitudeG:0.000} g; the top level needs {targets.TopAmplitudeG:0.000} g. Replace the motor.");
        }

        int second = Math.Min(state.Breakaway, state.Ceiling - 500);
        state.Points.Add(await MeasureAtAsync(second, cancellationToken).ConfigureAwait(false));
        AmplitudeModel rough = AmplitudeFit.Fit(state.Points, double.PositiveInfinity, double.PositiveInfinity).Model;
        int count = 0;
        for (int level = SafetyLimits.LevelCount; level >= 1; level--)
        {
            int millivolts = (int)Math.Round(Math.Min(state.Ceiling, rough.MillivoltsFor(targets.AmplitudeG(level))));
            if (state.Points.Any(point => Math.Abs(point.Millivolts - millivolts) < PointSpacingMillivolts))
            {
                continue;
            }

            state.Points.Add(await MeasureAtAsync(millivolts, cancellationToken).ConfigureAwait(false));
            count++;
            Report(CalibrationStage.Sweep, $"{millivolts} mV: {state.Points[^1].AmplitudeG:0.0000} g", 0.3 + (0.25 * count / 5.0));
        }
    }

    private async Task<DrivePoint> MeasureAtAsync(int millivolts, CancellationToken cancellationToken)
    {
        await client.RawDriveAsync(millivolts, options.RawDriveLeaseMilliseconds, cancellationToken).ConfigureAwait(false);
        return await settled.MeasureAsync(millivolts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// From spinning near the fitted zero-amplitude voltage, steps the drive down until the rotor stops; returns the
    /// lowest drive at which it still turned.
    /// </summary>
    private async Task<int> FindStopAsync(int levelOneMillivolts, AmplitudeModel model, CancellationToken cancellationToken)
    {
        Report(CalibrationStage.Sustain, "Ramping down to find the sustain threshold", 0.62);
        // With frequency the stop is seen directly, so start just above the fitted zero; amplitude alone sinks into the
        // noise well before the rotor stops, so start from level 1, where the rotor surely turns visibly.
        int millivolts = sensorReportsFrequency ? (int)Math.Min(levelOneMillivolts, Math.Max(model.ZeroMillivolts + 150, 600)) : levelOneMillivolts;
        await client.RawDriveAsync(millivolts, options.RawDriveLeaseMilliseconds, cancellationToken).ConfigureAwait(false);
        VibrationReading reading = await sensor.MeasureAsync(options.SustainHoldMilliseconds, cancellationToken).ConfigureAwait(false);
        if (!IsTurning(reading))
        {
            throw new UnitOutOfRangeException($"The rotor stopped at {millivolts} mV, above where the fit puts zero amplitude ({model.ZeroMillivolts:0} mV): the motor is sticky. Replace it.");
        }

        int lastTurning = millivolts;
        while (millivolts - options.SustainStepMillivolts >= Wand.Core.Calibration.CalibrationRules.MinimumMillivolts)
        {
            millivolts -= options.SustainStepMillivolts;
            await client.RawDriveAsync(millivolts, options.RawDriveLeaseMilliseconds, cancellationToken).ConfigureAwait(false);
            reading = await sensor.MeasureAsync(options.SustainHoldMilliseconds, cancellationToken).ConfigureAwait(false);
            if (!IsTurning(reading))
            {
                Report(CalibrationStage.Sustain, $"Stops below {lastTurning} mV", 0.68);
                return lastTurning;
            }

            lastTurning = millivolts;
        }

        throw new UnitOutOfRangeException($"The rotor kept turning down to {millivolts} mV; the sensor does not see it stop. Check the sensor.");
    }

    /// <summary>
    /// Kicks the rotor from standstill as the firmware does, then re-measures every level (ascending) with raw drive at
    /// the record's voltages. A level off target gets one refit with the verification points and a second pass.
    /// </summary>
    private async Task VerifyAsync(RunState state, CalibrationRecord record, CancellationToken cancellationToken)
    {
        for (int pass = 1; ; pass++)
        {
            state.Checks.Clear();
            Report(CalibrationStage.Verifying, pass == 1 ? "Re-measuring every level" : "Re-measuring every level after a refit", 0.7);

            // From standstill, so the record's kick is tested too: a kick that does not break the rotor away fails level 1.
            await client.StopAsync(cancellationToken).ConfigureAwait(false);
            await WaitForStandstillAsync(cancellationToken).ConfigureAwait(false);
            await client.RawDriveAsync(record.KickMillivolts, record.KickMilliseconds, cancellationToken).ConfigureAwait(false);
            List<DrivePoint> verification = [];
            for (int level = 1; level <= SafetyLimits.LevelCount; level++)
            {
                DrivePoint point = await MeasureAtAsync(record.LevelMillivolts(level), cancellationToken).ConfigureAwait(false);
                verification.Add(point);
                LevelCheck check = new(level, point.Millivolts, options.Targets.AmplitudeG(level), point.AmplitudeG);
                state.Checks.Add(check);
                Report(CalibrationStage.Verifying, $"Level {level}: {check.MeasuredG:0.0000} g (target {check.TargetG:0.0000} g, {check.RelativeError:+0.0%;-0.0%})", 0.7 + (0.035 * level));
            }

            // A guard band inside the tolerance, so the measurement's own error cannot carry a level outside it.
            double acceptance = options.Targets.Tolerance * options.VerificationGuardFraction;
            LevelCheck[] off = state.Checks.Where(check => Math.Abs(check.RelativeError) > acceptance).ToArray();
            if (off.Length == 0)
            {
                return;
            }

            string detail = string.Join("; ", off.Select(check => $"level {check.Level} {check.MeasuredG:0.0000} g vs {check.TargetG:0.0000} g ({check.RelativeError:+0.0%;-0.0%})"));
            if (pass == 2)
            {
                throw new VerificationFailedException($"After calibration {detail}, outside the ±{acceptance:P1} acceptance band (tolerance ±{options.Targets.Tolerance:P0}); nothing was written.");
            }

            await client.StopAsync(cancellationToken).ConfigureAwait(false);
            state.Points.AddRange(verification);
            state.Fit = AmplitudeFit.Fit(state.Points, options.MaximumRootMeanSquareResidual, options.MaximumPointResidual);
            int[] levels = LevelPlanner.LevelMillivolts(state.Fit.Model, options.Targets, state.Ceiling);
            for (int level = 1; level <= SafetyLimits.LevelCount; level++)
            {
                record.SetLevelMillivolts(level, levels[level - 1]);
            }

            if (!Wand.Core.Calibration.CalibrationRules.IsValidFor(record, state.Limits))
            {
                throw new UnitOutOfRangeException("The refitted record breaks the firmware's calibration rules; nothing was written.");
            }

            state.NewRecord = RecordValues.From(record);
        }
    }
}
