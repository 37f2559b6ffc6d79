using System;
using System.Collections.Generic;
using Wand.Host.TestRuns.Records;

namespace Wand.TestRuns.Tests;

/// <summary>Hand-built records for report and store tests.</summary>
internal static class SampleRecords
{
    public static TestRecord Failed(string runId = "0123456789abcdef0123456789abcdef", string serial = "WAND-0007", string station = "eol-01") => new()
    {
        RunId = runId,
        PlanName = "end-of-line",
        PlanVersion = "1.0",
        PlanFile = "hardware/test-plans/end-of-line.yaml",
        PlanSha256 = new string('a', 64),
        StationId = station,
        Operator = "Kim & <Lee>",
        DeviceAddress = "sim",
        VirtualDevice = true,
        DutSerial = serial,
        FirmwareRevision = "nanoCLR-virtual",
        SoftwareRevision = "1.0.0",
        ProtocolVersion = "1.0",
        StartedUtc = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero),
        FinishedUtc = new DateTimeOffset(2026, 11, 20, 12, 0, 1, TimeSpan.Zero),
        DurationMilliseconds = 1000,
        Outcome = RunOutcome.Fail,
        OutcomeDetails = "Failed measurements: level-3-amplitude.",
        Marginal = true,
        Phases =
        [
            new PhaseRecord
            {
                Name = "level-drive",
                Outcome = PhaseOutcome.Fail,
                Attempts = 1,
                DurationMilliseconds = 400,
                DeviceStartMilliseconds = 0,
                DeviceEndMilliseconds = 2000,
                Message = "level-3-amplitude: 0.2 g is outside [0.264, 0.3226].",
                Requirements = ["MD-2"],
                Measurements =
                [
                    new MeasurementRecord { Name = "level-3-amplitude", Units = "g", NumericValue = 0.2, Minimum = 0.264, Maximum = 0.3226, MarginalMinimum = 0.2786, MarginalMaximum = 0.308, Outcome = MeasurementOutcome.Fail, Message = "0.2 g is outside [0.264, 0.3226]." },
                    new MeasurementRecord { Name = "level-3-motor-voltage", Units = "V", NumericValue = 2.3, Maximum = 3.0, Outcome = MeasurementOutcome.Pass },
                    new MeasurementRecord { Name = "state", TextValue = "idle", Expected = "idle", Outcome = MeasurementOutcome.Pass, Marginal = false },
                ],
            },
            new PhaseRecord
            {
                Name = "thermal",
                Outcome = PhaseOutcome.Error,
                Attempts = 2,
                Message = "The link dropped.",
                Measurements = [new MeasurementRecord { Name = "thermal-trip-time", Units = "ms", Maximum = 520, Outcome = MeasurementOutcome.Unset, Message = "Not taken." }],
            },
            new PhaseRecord { Name = "fault-log", Outcome = PhaseOutcome.Skipped, Message = "Skipped: phase 'thermal' ended ERROR." },
        ],
        Series =
        [
            new SeriesRecord { Name = "drive-level", Units = "level", Points = [new(0, 0), new(500, 1), new(1000, 3), new(1500, 3), new(2000, 0)] },
            new SeriesRecord { Name = "amplitude", Units = "g", Points = [new(0, 0), new(600, 0.1), new(1200, 0.2), new(1800, 0.21)] },
        ],
        Attachments = [new AttachmentRecord { Name = "calibration-record", MediaType = "application/octet-stream", Data = [1, 2, 3, 250] }],
    };
}
