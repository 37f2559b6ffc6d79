using System;
using System.Globalization;
using System.IO;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;

namespace Wand.Cli.TestRuns;

/// <summary>The header of a stored run for <c>results show</c>: verdict and cause, unit, plan, station, operator, dates and attachments, as aligned plain text.</summary>
internal static class RunHeaderWriter
{
    public static void Write(TextWriter output, TestRecord record)
    {
        Line(output, "Run", record.RunId);
        Line(output, "Verdict", HtmlReportWriter.VerdictText(record));
        if (record.OutcomeDetails.Length > 0)
        {
            Line(output, "Cause", record.OutcomeDetails);
        }

        Line(output, "Unit", $"{record.DutSerial}  firmware {record.FirmwareRevision} / {record.SoftwareRevision}  hardware {record.HardwareRevision} / {record.ModelNumber}");
        Line(output, "Device", record.DeviceAddress + (record.VirtualDevice ? " (virtual wand)" : string.Empty));
        Line(output, "Plan", $"{record.PlanName} {record.PlanVersion} ({record.PlanFile})".Replace("  ", " ", StringComparison.Ordinal));
        Line(output, "Station", record.StationId);
        Line(output, "Operator", record.Operator.Length > 0 ? record.Operator : "(not given)");
        Line(output, "Started (UTC)", record.StartedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Line(output, "Finished (UTC)", record.FinishedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Line(output, "Duration", MeasurementText.Number(record.DurationMilliseconds / 1000) + " s");
        if (record.Attachments.Count == 0)
        {
            Line(output, "Attachments", "none");
        }

        foreach (AttachmentRecord attachment in record.Attachments)
        {
            Line(output, "Attachment", string.Create(CultureInfo.InvariantCulture, $"{attachment.Name} ({attachment.MediaType}, {attachment.Data.Length} bytes)"));
        }

        output.WriteLine();
    }

    private static void Line(TextWriter output, string name, string value) => output.WriteLine($"{name + ":",-16}{value}");
}
