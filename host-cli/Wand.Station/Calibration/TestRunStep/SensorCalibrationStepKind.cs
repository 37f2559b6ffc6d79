using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Steps;
using Wand.Protocol.Factory;

namespace Wand.Host.Calibration.TestRunStep;

/// <summary>
/// <c>calibrate-sensors</c>: the per-unit sensor calibration (SR-18) as a step of a QA plan. The step puts the unit in
/// factory mode if it can (a virtual wand's strap; real units come to the station strapped), runs
/// <see cref="SensorCalibrationProcedure"/> through the station's fixture, and returns the fit and the verification as
/// fields. A unit whose parts need a correction outside the uncertainty budget is FAIL with the failing check named in
/// <c>failed-check</c>; a broken link or instrument is ERROR.
/// </summary>
public sealed class SensorCalibrationStepKind : IStepKind
{
    /// <summary>The supply voltage the unit is left at when the step gives none, in volts.</summary>
    public const double DefaultRestoreSupplyVolts = 3.9;

    private static readonly string[] ChannelNames = ["ntc", "battery", "head-id"];

    /// <inheritdoc/>
    public string Name => "calibrate-sensors";

    /// <inheritdoc/>
    public string Summary => "Calibrate the unit's sensor inputs (NTC, cell voltage, head ID) against the fixture's references and write the record (SR-18); fields: outcome, failed-check, written, CHANNEL-gain, CHANNEL-offset-counts (ntc, battery, head-id), temperature-error-k, battery-error-mv.";

    /// <inheritdoc/>
    public string Example => "- calibrate-sensors: { restore-supply-v: 3.9 }";

    /// <summary>The fields the step returns.</summary>
    /// <returns>The names.</returns>
    public static IReadOnlyCollection<string> FieldNames()
    {
        List<string> names = ["outcome", "failed-check", "written", "temperature-error-k", "battery-error-mv"];
        foreach (string channel in ChannelNames)
        {
            names.Add(channel + "-gain");
            names.Add(channel + "-offset-counts");
        }

        return names;
    }

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.IsEmpty)
        {
            return new SensorCalibrationStep(DefaultRestoreSupplyVolts);
        }

        PlanMap? map = arguments.AsMap("restore-supply-v");
        if (map is null)
        {
            return null;
        }

        double? volts = map.Number("restore-supply-v", 3.0, 4.2);
        return volts is null && map.Get("restore-supply-v") is not null ? null : new SensorCalibrationStep(volts ?? DefaultRestoreSupplyVolts);
    }

    private sealed class SensorCalibrationStep(double restoreSupplyVolts) : ITestStep
    {
        public string Description => string.Create(CultureInfo.InvariantCulture, $"calibrate the sensor inputs (unit left at {restoreSupplyVolts:0.###} V)");

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => FieldNames();

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            ISensorCalibrationFixture fixture = context.HasFixture && context.Fixture is ISensorCalibrationStation station
                ? station.CreateSensorCalibrationFixture()
                : new FixtureActionsSensorFixture(context);
            bool entered = await FactoryModeControl.EnterAsync(new FactoryClient(context.Link), cancellationToken).ConfigureAwait(false);
            Dictionary<string, MeasuredValue> fields = new(StringComparer.Ordinal);
            try
            {
                SensorCalibrationResult result = await new SensorCalibrationProcedure(new SensorCalibrationClient(context.Link), fixture).RunAsync(restoreSupplyVolts, cancellationToken).ConfigureAwait(false);
                AddRecord(fields, result.Record);
                fields["outcome"] = MeasuredValue.Of("pass");
                fields["failed-check"] = MeasuredValue.Of("none");
                fields["written"] = MeasuredValue.Of(true);
                fields["temperature-error-k"] = MeasuredValue.Of(result.TemperatureErrorKelvin);
                fields["battery-error-mv"] = MeasuredValue.Of(result.BatteryErrorMillivolts);
                return StepResult.Ok(fields);
            }
            catch (SensorCalibrationException failure)
            {
                fields["outcome"] = MeasuredValue.Of("fail");
                fields["failed-check"] = MeasuredValue.Of(failure.Measurement);
                fields["written"] = MeasuredValue.Of(false);
                return StepResult.Failed(failure.Measurement + ": " + failure.Message, fields);
            }
            finally
            {
                if (entered)
                {
                    await FactoryModeControl.LeaveAsync(context.Link, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        private static void AddRecord(Dictionary<string, MeasuredValue> fields, SensorCalibrationRecord record)
        {
            for (int channel = 0; channel < ChannelNames.Length; channel++)
            {
                int index = channel switch
                {
                    0 => SensorCalibrationRecord.ThermistorChannel,
                    1 => SensorCalibrationRecord.BatteryChannel,
                    _ => SensorCalibrationRecord.HeadIdChannel,
                };
                fields[ChannelNames[channel] + "-gain"] = MeasuredValue.Of(record.GainMicros(index) / 1e6);
                fields[ChannelNames[channel] + "-offset-counts"] = MeasuredValue.Of(record.OffsetMilliCounts(index) / 1e3);
            }
        }
    }
}
