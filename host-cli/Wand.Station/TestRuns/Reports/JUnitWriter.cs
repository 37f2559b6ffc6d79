using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// Writes a record as JUnit XML valid against Jenkins' junit-10.xsd (jenkinsci/xunit-plugin), also read by GitLab and GitHub: one <c>testsuite</c> per phase, a
/// <c>phase</c> test case for the phase's own outcome, and one test case per measurement. A unit out of limits is a
/// <c>failure</c>; a station problem is an <c>error</c>; measurements not taken are <c>skipped</c>. Values and limits
/// go in the message and <c>system-out</c>, identity in <c>properties</c>.
/// </summary>
public static class JUnitWriter
{
    /// <summary>Renders the XML.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The XML document text, UTF-8 declared.</returns>
    public static string Render(TestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        StringBuilder text = new();
        using (XmlWriter writer = XmlWriter.Create(new Utf8StringWriter(text), new XmlWriterSettings { Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", record.PlanName);
            // junit-10.xsd (Jenkins xUnit plugin) allows no skipped count on the root; the suites carry it.
            WriteCounts(writer, record.Phases.Sum(Tests), record.Phases.Sum(Failures), record.Phases.Sum(Errors), skipped: null, record.DurationMilliseconds);
            foreach (PhaseRecord phase in record.Phases)
            {
                WriteSuite(writer, record, phase);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString();
    }

    private static void WriteSuite(XmlWriter writer, TestRecord record, PhaseRecord phase)
    {
        string suite = record.PlanName + "." + phase.Name;
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", suite);
        WriteCounts(writer, Tests(phase), Failures(phase), Errors(phase), SkippedCount(phase), phase.DurationMilliseconds);
        writer.WriteAttributeString("timestamp", phase.StartedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("hostname", record.StationId);
        writer.WriteStartElement("properties");
        WriteProperty(writer, "run-id", record.RunId);
        WriteProperty(writer, "dut-serial", record.DutSerial);
        WriteProperty(writer, "firmware-revision", record.FirmwareRevision);
        WriteProperty(writer, "software-revision", record.SoftwareRevision);
        WriteProperty(writer, "plan-version", record.PlanVersion);
        if (record.PlanVariant is string variant)
        {
            WriteProperty(writer, "plan-variant", variant);
        }

        if (record.Retest is RetestRecord retest)
        {
            WriteProperty(writer, "retest", retest.Number.ToString(CultureInfo.InvariantCulture));
        }

        WriteProperty(writer, "station", record.StationId);
        WriteProperty(writer, "run-outcome", Name(record.Outcome));
        WriteProperty(writer, "requirements", string.Join(" ", phase.Requirements));
        writer.WriteEndElement();

        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", suite);
        writer.WriteAttributeString("name", "phase");
        writer.WriteAttributeString("time", Seconds(phase.DurationMilliseconds));
        switch (phase.Outcome)
        {
            case PhaseOutcome.Fail:
                WriteProblem(writer, "failure", "FAIL", phase.Message);
                break;
            case PhaseOutcome.Error or PhaseOutcome.Timeout or PhaseOutcome.Aborted:
                WriteProblem(writer, "error", phase.Outcome.ToString().ToUpperInvariant(), phase.Message);
                break;
            case PhaseOutcome.Skipped:
                writer.WriteStartElement("skipped");
                writer.WriteAttributeString("message", phase.Message);
                writer.WriteEndElement();
                break;
        }

        writer.WriteEndElement();
        foreach (MeasurementRecord measurement in phase.Measurements)
        {
            writer.WriteStartElement("testcase");
            writer.WriteAttributeString("classname", suite);
            writer.WriteAttributeString("name", measurement.Name);
            writer.WriteAttributeString("time", "0");
            string summary = MeasurementText.Summary(measurement);
            if (measurement.Outcome == MeasurementOutcome.Fail)
            {
                WriteProblem(writer, "failure", "FAIL", $"{measurement.Name}: {measurement.Message} ({summary})");
            }
            else if (measurement.Outcome == MeasurementOutcome.Unset)
            {
                writer.WriteStartElement("skipped");
                writer.WriteAttributeString("message", measurement.Message);
                writer.WriteEndElement();
            }

            writer.WriteElementString("system-out", summary + (measurement.Marginal ? " (MARGINAL)" : string.Empty));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static int Tests(PhaseRecord phase) => 1 + phase.Measurements.Count;

    private static int Failures(PhaseRecord phase) => (phase.Outcome == PhaseOutcome.Fail ? 1 : 0) + phase.Measurements.Count(measurement => measurement.Outcome == MeasurementOutcome.Fail);

    private static int Errors(PhaseRecord phase) => phase.Outcome is PhaseOutcome.Error or PhaseOutcome.Timeout or PhaseOutcome.Aborted ? 1 : 0;

    private static int SkippedCount(PhaseRecord phase) => (phase.Outcome == PhaseOutcome.Skipped ? 1 : 0) + phase.Measurements.Count(measurement => measurement.Outcome == MeasurementOutcome.Unset);

    private static void WriteCounts(XmlWriter writer, int tests, int failures, int errors, int? skipped, double milliseconds)
    {
        writer.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        if (skipped is { } count)
        {
            writer.WriteAttributeString("skipped", count.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteAttributeString("time", Seconds(milliseconds));
    }

    private static void WriteProblem(XmlWriter writer, string element, string type, string message)
    {
        writer.WriteStartElement(element);
        writer.WriteAttributeString("message", message);
        writer.WriteAttributeString("type", type);
        writer.WriteString(message);
        writer.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("property");
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("value", value);
        writer.WriteEndElement();
    }

    /// <summary>Seconds as junit-10.xsd's time pattern allows: unsigned digits with a fraction, never negative, NaN or an exponent.</summary>
    private static string Seconds(double milliseconds) =>
        double.IsFinite(milliseconds) && milliseconds > 0 ? (milliseconds / 1000).ToString("0.###", CultureInfo.InvariantCulture) : "0";

    private static string Name(RunOutcome outcome) => outcome.ToString().ToUpperInvariant();

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
