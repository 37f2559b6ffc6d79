using System;
using Wand.Core.Calibration;
using Wand.Protocol.Factory;

namespace Wand.Simulation;

/// <summary>
/// The sensor calibration (SR-18) a perfect station would write for a virtual board: the plan's two points per channel
/// (<see cref="SensorCalibrationPlan"/>) read as long averages through the board's own parts and ADC, with exact
/// references. Used to build boards "as shipped" and as the ground truth the station's measured fit is judged against.
/// </summary>
public static class FactorySensorCalibration
{
    /// <summary>Computes the record for a board.</summary>
    /// <param name="board">The board.</param>
    /// <returns>A record that decodes without error for any board within the documented tolerances.</returns>
    public static SensorCalibrationRecord For(VirtualBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        SensorCalibrationRecord record = new();
        AnalogConverter adc = board.Adc;
        double pullUp = board.Profile.Thermistor.PullUpOhms;
        NtcChannel ntc = board.HeadTemperature;
        SensorCalibrationPlan.Fit(
            record,
            SensorCalibrationRecord.ThermistorChannel,
            adc.MeanCounts(ntc.PinVoltsFor(SensorCalibrationPlan.ThermistorLowOhms)),
            SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.ThermistorLowOhms, pullUp),
            adc.MeanCounts(ntc.PinVoltsFor(SensorCalibrationPlan.ThermistorHighOhms)),
            SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.ThermistorHighOhms, pullUp));
        int divider = board.Profile.BatteryDividerPerMille;
        SensorCalibrationPlan.Fit(
            record,
            SensorCalibrationRecord.BatteryChannel,
            adc.MeanCounts(board.Battery.PinVoltsFor(SensorCalibrationPlan.BatteryLowMillivolts / 1000.0)),
            SensorCalibrationPlan.NominalBatteryCounts(SensorCalibrationPlan.BatteryLowMillivolts, divider),
            adc.MeanCounts(board.Battery.PinVoltsFor(SensorCalibrationPlan.BatteryHighMillivolts / 1000.0)),
            SensorCalibrationPlan.NominalBatteryCounts(SensorCalibrationPlan.BatteryHighMillivolts, divider));
        HeadIdChannel head = board.HeadId;
        SensorCalibrationPlan.Fit(
            record,
            SensorCalibrationRecord.HeadIdChannel,
            adc.MeanCounts(head.PinVoltsFor(SensorCalibrationPlan.HeadLowOhms)),
            SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.HeadLowOhms, HeadIdChannel.NominalPullUpOhms),
            adc.MeanCounts(head.PinVoltsFor(SensorCalibrationPlan.HeadHighOhms)),
            SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.HeadHighOhms, HeadIdChannel.NominalPullUpOhms));
        return record;
    }
}
