using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// <c>sample</c>: samples status and the station fixture (head accelerometer, motor voltmeter) for a while and returns
/// statistics; every sample also goes into the run's time series for the report's plots. Without a station fixture the
/// meters are the fixture actions' (<c>head-vibration</c>, <c>motor-voltage</c>), which give no frequency.
/// </summary>
public sealed class SampleStepKind : IStepKind
{
    /// <inheritdoc/>
    public string Name => "sample";

    /// <inheritdoc/>
    public string Summary => "Sample status and the fixture (accelerometer, motor voltage) for duration-ms; returns amplitude-g-mean, motor-v-max, drive-level-mean, … and records plots.";

    /// <inheritdoc/>
    public string Example => "- sample: {duration-ms: 1000, interval-ms: 50}";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        PlanMap? map = arguments.AsMap("duration-ms", "interval-ms", "fixture");
        if (map == null)
        {
            return null;
        }

        long? duration = map.WholeNumber("duration-ms", 1, 600_000, required: true);
        long interval = map.WholeNumber("interval-ms", StepContext.PollMilliseconds, 60_000) ?? 50;
        bool fixture = map.Boolean("fixture") ?? true;
        return duration == null ? null : new SampleStep(duration.Value, interval, fixture);
    }

    private sealed class SampleStep(long durationMilliseconds, long intervalMilliseconds, bool useFixture) : ITestStep
    {
        private static readonly Guid Status = ProfileLookup.Uuid(WandProfile.Characteristic(WandProfile.StatusIndex));

        public string Description => string.Create(CultureInfo.InvariantCulture, $"sample {durationMilliseconds} ms every {intervalMilliseconds} ms");

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields =>
        [
            "samples", "drive-level-mean", "drive-level-min", "drive-level-max", "head-temperature-c-max", "battery-v-min",
            "amplitude-g-mean", "amplitude-g-min", "amplitude-g-max", "frequency-hz-mean", "motor-v-mean", "motor-v-max",
        ];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            // Meters: the station fixture's, else the fixture actions' (a jig accelerometer and a DMM through the station
            // configuration, or the simulated instruments of a served virtual wand).
            IStationFixture? fixture = useFixture && (context.HasFixture || !context.HasFixtureActions) ? context.Fixture : null;
            Fixture.IFixtureActions? meters = useFixture && fixture == null ? context.FixtureActions : null;
            List<double> drive = [];
            List<double> temperature = [];
            List<double> battery = [];
            List<double> amplitude = [];
            List<double> frequency = [];
            List<double> motor = [];
            long end = context.DeviceMilliseconds + durationMilliseconds;
            do
            {
                await context.LetTimePassAsync(Math.Min(intervalMilliseconds, Math.Max(0, end - context.DeviceMilliseconds)), cancellationToken).ConfigureAwait(false);
                Protocol.Messages.StatusReport status = CharacteristicFields.DecodeStatus(await context.Link.ReadAsync(Status, cancellationToken).ConfigureAwait(false));
                drive.Add(status.DriveLevelTenths / 10.0);
                context.RecordPoint("drive-level", "level", drive[^1]);
                temperature.Add(status.HeadTemperatureCentidegrees / 100.0);
                battery.Add(status.BatteryMillivolts / 1000.0);
                if (fixture != null)
                {
                    amplitude.Add(fixture.ReadAmplitudeG());
                    frequency.Add(fixture.ReadFrequencyHertz());
                    motor.Add(fixture.ReadMotorVolts());
                    context.RecordPoint("amplitude", "g", amplitude[^1]);
                    context.RecordPoint("motor-voltage", "V", motor[^1]);
                }
                else if (meters != null)
                {
                    amplitude.Add(await meters.MeasureHeadVibrationAsync(cancellationToken).ConfigureAwait(false));
                    motor.Add(await meters.MeasureMotorVoltsAsync(cancellationToken).ConfigureAwait(false));
                    context.RecordPoint("amplitude", "g", amplitude[^1]);
                    context.RecordPoint("motor-voltage", "V", motor[^1]);
                }
            }
            while (context.DeviceMilliseconds < end);

            Dictionary<string, MeasuredValue> fields = new(StringComparer.Ordinal)
            {
                ["samples"] = MeasuredValue.Of(drive.Count),
                ["drive-level-mean"] = MeasuredValue.Of(drive.Average()),
                ["drive-level-min"] = MeasuredValue.Of(drive.Min()),
                ["drive-level-max"] = MeasuredValue.Of(drive.Max()),
                ["head-temperature-c-max"] = MeasuredValue.Of(temperature.Max()),
                ["battery-v-min"] = MeasuredValue.Of(battery.Min()),
            };
            if (amplitude.Count > 0)
            {
                fields["amplitude-g-mean"] = MeasuredValue.Of(amplitude.Average());
                fields["amplitude-g-min"] = MeasuredValue.Of(amplitude.Min());
                fields["amplitude-g-max"] = MeasuredValue.Of(amplitude.Max());
                fields["motor-v-mean"] = MeasuredValue.Of(motor.Average());
                fields["motor-v-max"] = MeasuredValue.Of(motor.Max());
            }

            if (frequency.Count > 0)
            {
                fields["frequency-hz-mean"] = MeasuredValue.Of(frequency.Average());
            }

            return StepResult.Ok(fields);
        }
    }
}
