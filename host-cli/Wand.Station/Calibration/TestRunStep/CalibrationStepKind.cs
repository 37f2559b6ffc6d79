using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Calibration.Jig;
using Wand.Host.Calibration.Reports;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Calibration.Station;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.Calibration.TestRunStep;

/// <summary>
/// <c>calibrate</c>: the motor calibration as a step of a QA plan (the test runner's step extension point). The step
/// runs <see cref="CalibrationProcedure"/>, returns its figures as fields for the plan's measurements, attaches the
/// JSON and HTML reports to the run record (so they land in the results store with the run), reports a unit that
/// fails calibration as FAIL and a broken station or link as ERROR. <c>sensor: fixture</c> measures with the station's
/// <c>head-vibration</c> instrument (hardware/station-fixture.md) and power-cycles the unit into and out of factory mode
/// through the fixture when the link cannot, or with the virtual wand's own accelerometer when the station has none.
/// </summary>
public sealed class CalibrationStepKind : IStepKind
{
    /// <summary>Field: how the calibration ended (<c>pass</c>, <c>fail</c>, <c>error</c>).</summary>
    public const string OutcomeField = "outcome";

    /// <inheritdoc/>
    public string Name => "calibrate";

    /// <inheritdoc/>
    public string Summary => "Calibrate the motor (measure, fit, verify every level, write the record); fields: outcome, written, breakaway-mv, stop-mv, level-N-mv, level-N-error, duration-ms, fit-residual.";

    /// <inheritdoc/>
    public string Example => "- calibrate: { sensor: fixture }";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.IsEmpty)
        {
            return new CalibrationStep("sim");
        }

        PlanMap? map = arguments.AsMap("sensor");
        if (map is null)
        {
            return null;
        }

        string sensor = map.Text("sensor") ?? "sim";
        if (sensor != "sim" && sensor != FixtureSensor && !sensor.StartsWith("serial:", StringComparison.Ordinal))
        {
            map.Get("sensor")!.Error($"sensor '{sensor}' is not 'fixture' (the station's head-vibration instrument), 'sim' or 'serial:PATH'.");
            return null;
        }

        return new CalibrationStep(sensor);
    }

    /// <summary>The sensor value naming the station's own head-vibration instrument.</summary>
    public const string FixtureSensor = "fixture";

    /// <summary>The fields a calibration step returns.</summary>
    /// <returns>The names.</returns>
    public static IReadOnlyCollection<string> FieldNames()
    {
        List<string> names = [OutcomeField, "written", "breakaway-mv", "stop-mv", "duration-ms", "fit-residual"];
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            names.Add(Invariant($"level-{level}-mv"));
            names.Add(Invariant($"level-{level}-error"));
        }

        return names;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class CalibrationStep(string sensorAddress) : ITestStep
    {
        public string Description => "calibrate the motor (" + sensorAddress + " accelerometer)";

        public bool RequiresVirtualWand => sensorAddress == "sim";

        public IReadOnlyCollection<string> Fields => FieldNames();

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            await using IVibrationSensor sensor = await OpenSensorAsync(context, cancellationToken).ConfigureAwait(false);
            CalibrationOptions options = context.HasFixture && context.Fixture is ICalibrationFixture fixture
                ? new CalibrationOptions { Clock = () => fixture.DeviceMilliseconds }
                : new CalibrationOptions();
            if (sensorAddress == FixtureSensor && context.Link is not IFactoryStrapControl
                && context.HasFixtureActions && context.FixtureActions is ICalibrationActions { CanPowerCycle: true } station)
            {
                options = options with { StrapControl = new FixtureStrapControl(context.Link, station) };
            }

            CalibrationResult result = await new CalibrationProcedure(context.Link, sensor, options).RunAsync(null, cancellationToken).ConfigureAwait(false);
            context.Attach("calibration.json", "application/json", Encoding.UTF8.GetBytes(CalibrationJson.Serialize(result)));
            context.Attach("calibration.html", "text/html", Encoding.UTF8.GetBytes(CalibrationHtmlReport.Render(result)));
            foreach (Fitting.DrivePoint point in result.SweepPoints)
            {
                context.RecordPoint("calibration amplitude", "g", point.Millivolts, point.AmplitudeG);
            }

            Dictionary<string, MeasuredValue> fields = FieldsOf(result);
            return result.Outcome switch
            {
                CalibrationOutcome.Pass => StepResult.Ok(fields),
                CalibrationOutcome.Fail => StepResult.Failed(result.Message, fields),
                _ => throw new CalibrationStationException(result.Message),
            };
        }

        private async Task<IVibrationSensor> OpenSensorAsync(StepContext context, CancellationToken cancellationToken)
        {
            if (sensorAddress == FixtureSensor)
            {
                if (context.HasFixtureActions && context.FixtureActions is ICalibrationActions station && station.OpenCalibrationSensor() is IVibrationSensor instrument)
                {
                    return new StationVibrationSensor(instrument, context.Link.World);
                }

                return context.HasFixture && context.Fixture is ICalibrationFixture fixture
                    ? fixture.OpenVibrationSensor()
                    : throw new StationInstrumentMissingException("Calibration with the fixture's sensor needs 'head-vibration' mapped to a jig in the station configuration (or an in-process virtual wand).");
            }

            if (sensorAddress == "sim")
            {
                return context.HasFixture && context.Fixture is ICalibrationFixture fixture
                    ? fixture.OpenVibrationSensor()
                    : throw new VirtualWandRequiredException("The 'sim' accelerometer needs an in-process virtual wand (device sim).");
            }

            JigVibrationSensor jig = new(SerialPortJigLine.Open(sensorAddress["serial:".Length..]));
            await jig.IdentifyAsync(cancellationToken).ConfigureAwait(false);
            return jig;
        }

        private static Dictionary<string, MeasuredValue> FieldsOf(CalibrationResult result)
        {
            Dictionary<string, MeasuredValue> fields = new(StringComparer.Ordinal)
            {
                [OutcomeField] = MeasuredValue.Of(result.Outcome.ToString().ToLowerInvariant()),
                ["written"] = MeasuredValue.Of(result.Written),
                ["breakaway-mv"] = MeasuredValue.Of(result.BreakawayMillivolts),
                ["stop-mv"] = MeasuredValue.Of(result.StopMillivolts),
                ["duration-ms"] = MeasuredValue.Of(result.DurationMilliseconds),
            };
            if (result.Fit is not null)
            {
                fields["fit-residual"] = MeasuredValue.Of(result.Fit.RootMeanSquareRelativeResidual);
            }

            foreach (LevelCheck check in result.LevelChecks)
            {
                fields[Invariant($"level-{check.Level}-mv")] = MeasuredValue.Of(check.Millivolts);
                fields[Invariant($"level-{check.Level}-error")] = MeasuredValue.Of(check.RelativeError);
            }

            return fields;
        }
    }
}

/// <summary>The calibration could not be carried out (link, sensor, cancelled): the station's problem, not the unit's.</summary>
/// <param name="message">What happened, and that the unit kept a complete record.</param>
public sealed class CalibrationStationException(string message) : WandHostException(message);
