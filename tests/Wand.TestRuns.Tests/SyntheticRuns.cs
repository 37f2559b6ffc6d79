using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;
using Wand.Host.TestRuns.Records;

namespace Wand.TestRuns.Tests;

/// <summary>
/// A seeded, reproducible production line for yield tests and benchmarks: units on four stations over several days,
/// six numeric measurements drawn from normal distributions around their nominal values (one off-centre and three
/// wide, so they fail now and then), a run every 7 minutes, and a retest of most failed units.
/// </summary>
internal static class SyntheticRuns
{
    /// <summary>Name, units, lower limit, upper limit, mean and standard deviation of each measurement.</summary>
    private static readonly (string Name, string Units, double? Minimum, double? Maximum, double Mean, double Sigma)[] Measurements =
    [
        ("level-1-amplitude", "g", 0.08, 0.12, 0.1, 0.005),
        ("level-3-amplitude", "g", 0.264, 0.3226, 0.27, 0.01),
        ("level-3-motor-voltage", "V", null, 3.0, 2.3, 0.1),
        ("battery-voltage", "V", 3.5, 4.25, 3.9, 0.12),
        ("head-temperature", "°C", 20, 42, 31, 4),
        ("thermal-trip-time", "ms", null, 520, 400, 45),
    ];

    /// <summary>Gives the runs of a line, oldest first.</summary>
    /// <param name="runs">How many runs.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The records.</returns>
    public static IEnumerable<TestRecord> Line(int runs, int seed = 16)
    {
        Random random = new(seed);
        DateTimeOffset start = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        int made = 0;
        int unit = 0;
        while (made < runs)
        {
            unit++;
            string serial = string.Create(CultureInfo.InvariantCulture, $"WAND-{unit:D6}");
            string station = string.Create(CultureInfo.InvariantCulture, $"eol-{(unit % 4) + 1:D2}");
            string firmware = unit % 3 == 0 ? "1.1.0" : "1.0.4";
            bool passed = false;
            for (int attempt = 0; attempt < 3 && made < runs && (attempt == 0 || (!passed && random.NextDouble() < 0.8)); attempt++)
            {
                TestRecord record = Run(random, made, serial, attempt == 0 ? station : "eol-rework", firmware, start.AddMinutes(made * 7));
                passed = record.Outcome == RunOutcome.Pass;
                made++;
                yield return record;
            }
        }
    }

    private static TestRecord Run(Random random, int index, string serial, string station, string firmware, DateTimeOffset started)
    {
        List<MeasurementRecord> measured = [];
        foreach ((string name, string units, double? minimum, double? maximum, double mean, double sigma) in Measurements)
        {
            double value = Math.Round(Normal.Sample(random, mean, sigma), 6);
            bool pass = (minimum == null || value >= minimum) && (maximum == null || value <= maximum);
            measured.Add(new MeasurementRecord { Name = name, Units = units, NumericValue = value, Minimum = minimum, Maximum = maximum, Outcome = pass ? MeasurementOutcome.Pass : MeasurementOutcome.Fail });
        }

        measured.Add(new MeasurementRecord { Name = "state", TextValue = "idle", Expected = "idle", Outcome = MeasurementOutcome.Pass });
        bool failed = measured.Any(measurement => measurement.Outcome == MeasurementOutcome.Fail);
        return new TestRecord
        {
            RunId = string.Create(CultureInfo.InvariantCulture, $"{index + 1:x32}"),
            PlanName = "end-of-line",
            PlanVersion = "1.0",
            StationId = station,
            DutSerial = serial,
            FirmwareRevision = firmware,
            StartedUtc = started,
            FinishedUtc = started.AddSeconds(20),
            DurationMilliseconds = 20_000,
            Outcome = failed ? RunOutcome.Fail : RunOutcome.Pass,
            Phases = [new PhaseRecord { Name = "measure", Outcome = failed ? PhaseOutcome.Fail : PhaseOutcome.Pass, Attempts = 1, Measurements = measured }],
        };
    }
}
