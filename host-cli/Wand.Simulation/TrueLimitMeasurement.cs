using System;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Core.Safety;
using Wand.Protocol.Vocabulary;

namespace Wand.Simulation;

/// <summary>
/// Where a unit's limits act on the true physical quantity (SR-18): the real firmware on one virtual board, the head
/// temperature and the cell voltage moved slowly past the limits, and the true value recorded at the tick the firmware
/// acts. Used by the population tests and the benchmark that prints the distributions.
/// </summary>
public static class TrueLimitMeasurement
{
    /// <summary>Temperature step per NTC sample of the fine pass, in kelvin (the coarse pass steps 0.25 K).</summary>
    public const double TemperatureStepKelvin = 0.02;

    /// <summary>Open-circuit voltage step per 100 ms (five ticks, the battery filter's settling time) while searching for the cut-off, in volts.</summary>
    public const double BatteryStepVolts = 0.002;

    private const double CoarseStepKelvin = 0.25;

    /// <summary>Where one unit's limits acted.</summary>
    /// <param name="Seed">The board's seed.</param>
    /// <param name="SensorCalibrated">Whether the unit had its sensor calibration.</param>
    /// <param name="DerateStartCelsius">True head temperature at the first derated tick, in °C.</param>
    /// <param name="TripCelsius">True head temperature at the tick the thermal trip cut the drive, in °C.</param>
    /// <param name="CutoffVolts">True cell terminal voltage at the tick the battery cut-off cut the drive, in V.</param>
    public sealed record Result(ulong Seed, bool SensorCalibrated, double DerateStartCelsius, double TripCelsius, double CutoffVolts);

    /// <summary>Measures one unit.</summary>
    /// <param name="seed">The board's seed (parts drawn within the documented tolerances, motor from the ±25 % population).</param>
    /// <param name="sensorCalibrated">Whether the unit left the factory with its sensor calibration.</param>
    /// <returns>The true values at which the limits acted.</returns>
    public static Result Measure(ulong seed, bool sensorCalibrated)
    {
        (double derate, double trip) = MeasureThermal(seed, sensorCalibrated);
        double cutoff = MeasureCutoff(seed, sensorCalibrated);
        return new Result(seed, sensorCalibrated, derate, trip, cutoff);
    }

    private static VirtualWand Boot(ulong seed, bool sensorCalibrated, double batteryVolts)
    {
        VirtualWand wand = VirtualWand.Create(
            BoardProfile.CreateDefault(),
            new VirtualBoardOptions { Seed = seed, MotorSpread = 0.25, SensorCalibrated = sensorCalibrated, BatteryVolts = batteryVolts });
        wand.Board.StoreCalibration(IdealCalibration.For(wand.Board.Motor.Parameters));
        wand.Reboot();
        // An uncalibrated unit may read its head as unknown (no drive at all): safe, and its limits are still judged.
        if (!wand.RunUntil(w => w.Controller!.HeadDefinition != null, 1000) && sensorCalibrated)
        {
            throw new InvalidOperationException($"Board {seed}: the head was not accepted.");
        }

        return wand;
    }

    private static (double Derate, double Trip) MeasureThermal(ulong seed, bool sensorCalibrated)
    {
        // Start well below where any unit of the population acts: 2 K below the calibrated derate start, or below
        // the shifted one less the worst-case error for an uncalibrated unit.
        double start = sensorCalibrated
            ? (SafetyLimits.DefaultDerateStartMillidegrees / 1000.0) - 2.0
            : ((SafetyLimits.DefaultDerateStartMillidegrees - (2 * SensorUncertainty.UncalibratedThermalMillidegrees)) / 1000.0) - 1.0;
        VirtualWand wand = Boot(seed, sensorCalibrated, LithiumCell.FullVolts);
        VirtualBoard board = wand.Board;
        board.ForceHeadTemperature(start);
        wand.RunFor(600);
        WandController controller = wand.Controller!;

        // The thermal inhibit is judged on every tick, session or not; a session, where the cell allows one, also
        // shows the drive going to zero.
        controller.StartRemote(1, PatternKind.Continuous, 900);

        // Coarse pass to find the region, cool below the restart threshold, then a fine pass from below the derate start.
        (double coarseDerate, _) = Sweep(wand, start, CoarseStepKelvin);
        board.ForceHeadTemperature(start);
        wand.RunFor(2 * SafetyLimits.ThermalSamplePeriodMilliseconds);
        controller.StartRemote(1, PatternKind.Continuous, 900);
        return Sweep(wand, Math.Max(start, coarseDerate - CoarseStepKelvin - TemperatureStepKelvin), TemperatureStepKelvin);
    }

    private static (double Derate, double Trip) Sweep(VirtualWand wand, double start, double step)
    {
        WandController controller = wand.Controller!;
        double derate = double.NaN;
        double celsius = start;
        while (celsius < 45)
        {
            wand.Board.ForceHeadTemperature(celsius);
            for (int tick = 0; tick < SafetyLimits.ThermalSamplePeriodMilliseconds / SafetyLimits.ControlTickMilliseconds + 1; tick++)
            {
                wand.RunFor(SafetyLimits.ControlTickMilliseconds);
                if (double.IsNaN(derate) && controller.ThermalDerating)
                {
                    derate = celsius;
                }

                if ((controller.Inhibit & DriveInhibit.Thermal) != 0)
                {
                    return (double.IsNaN(derate) ? celsius : derate, celsius);
                }
            }

            celsius += step;
        }

        throw new InvalidOperationException("No thermal trip up to 45 °C.");
    }

    private static double MeasureCutoff(ulong seed, bool sensorCalibrated)
    {
        double start = sensorCalibrated
            ? (SafetyLimits.DefaultBatteryWarningMillivolts / 1000.0) + 0.05
            : LithiumCell.FullVolts;
        VirtualWand wand = Boot(seed, sensorCalibrated, start);
        VirtualBoard board = wand.Board;
        WandController controller = wand.Controller!;

        // A head at 22 °C reads below every unit's derate start, so only the battery acts.
        board.ForceHeadTemperature(22);
        wand.RunFor(600);
        CommandResult started = controller.StartRemote(3, PatternKind.Continuous, 900);
        if (started == CommandResult.BatteryLow)
        {
            // An uncalibrated unit whose shifted cut-off lies above this cell: it refuses to drive at this true voltage.
            return board.Cell.TerminalVolts;
        }

        if (started != CommandResult.Success && sensorCalibrated)
        {
            throw new InvalidOperationException($"Board {seed}: no session at {start:F3} V ({started}).");
        }

        wand.RunFor(1200);
        double volts = start;
        bool drove = false;
        while (volts > LithiumCell.EmptyVolts)
        {
            board.SetBatteryVolts(volts);
            if (controller.SessionState == SessionState.Idle)
            {
                // Stopped for another reason (an uncalibrated unit may read its head as unknown): start again; a unit
                // that refuses for a low cell has acted at this true voltage.
                if (controller.StartRemote(3, PatternKind.Continuous, 900) == CommandResult.BatteryLow)
                {
                    return board.Cell.TerminalVolts;
                }
            }

            for (int tick = 0; tick < 5; tick++)
            {
                wand.RunFor(SafetyLimits.ControlTickMilliseconds);
                drove |= board.MotorOutput.DutyCycle > 0;
                if ((controller.Inhibit & DriveInhibit.BatteryCutoff) != 0)
                {
                    return board.Cell.TerminalVolts;
                }
            }

            volts -= BatteryStepVolts;
        }

        if (!drove && !sensorCalibrated)
        {
            // An uncalibrated unit that never confirmed its head never drove: it acted from the start.
            return start;
        }

        throw new InvalidOperationException($"Board {seed}: no battery cut-off down to {LithiumCell.EmptyVolts} V (session {controller.SessionState}, last stop {controller.LastStopReason}, inhibit {controller.Inhibit}, reading {controller.BatteryMillivolts} mV).");
    }
}
