using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The JSON record, the JUnit XML and the HTML report.</summary>
public sealed class ReportTests
{
    [Fact]
    public void Json_HasTheRecordShape()
    {
        using JsonDocument json = JsonDocument.Parse(TestRecordJson.Serialize(SampleRecords.Failed()));
        JsonElement root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("FAIL", root.GetProperty("outcome").GetString());
        Assert.Equal("WAND-0007", root.GetProperty("dutSerial").GetString());
        Assert.Equal("eol-01", root.GetProperty("stationId").GetString());
        Assert.Equal("nanoCLR-virtual", root.GetProperty("firmwareRevision").GetString());
        JsonElement measurement = root.GetProperty("phases")[0].GetProperty("measurements")[0];
        Assert.Equal("level-3-amplitude", measurement.GetProperty("name").GetString());
        Assert.Equal(0.2, measurement.GetProperty("numericValue").GetDouble());
        Assert.Equal(0.264, measurement.GetProperty("minimum").GetDouble());
        Assert.Equal(0.308, measurement.GetProperty("marginalMaximum").GetDouble());
        Assert.Equal("g", measurement.GetProperty("units").GetString());
        Assert.Equal("FAIL", measurement.GetProperty("outcome").GetString());
        Assert.Equal("ERROR", root.GetProperty("phases")[1].GetProperty("outcome").GetString());
        Assert.Equal(1000, root.GetProperty("durationMilliseconds").GetDouble());
        Assert.Equal("AQID+g==", root.GetProperty("attachments")[0].GetProperty("data").GetString());
    }

    [Fact]
    public void Json_RoundTrips()
    {
        TestRecord original = SampleRecords.Failed();

        TestRecord copy = TestRecordJson.Deserialize(TestRecordJson.Serialize(original));

        Assert.Equal(TestRecordJson.Serialize(original), TestRecordJson.Serialize(copy));
        Assert.Equal(MeasurementOutcome.Fail, copy.Phases[0].Measurements[0].Outcome);
    }

    [Fact]
    public void FileName_IsSerialPlanAndStartTime()
    {
        Assert.Equal("WAND-0007.end-of-line.1795176000000.json", TestRecordJson.FileName(SampleRecords.Failed(), ".json"));
        Assert.Equal("a_b.end-of-line.1795176000000.html", TestRecordJson.FileName(SampleRecords.Failed(serial: "a/b"), ".html"));
    }

    [Fact]
    public void JUnit_CountsFailuresErrorsAndSkips()
    {
        XDocument document = XDocument.Parse(JUnitWriter.Render(SampleRecords.Failed()));
        XElement suites = document.Root!;

        Assert.Equal("testsuites", suites.Name.LocalName);
        Assert.Equal("7", (string?)suites.Attribute("tests"));
        Assert.Equal("2", (string?)suites.Attribute("failures"));
        Assert.Equal("1", (string?)suites.Attribute("errors"));
        Assert.Null(suites.Attribute("skipped")); // junit-10.xsd allows no skipped count on the root
        Assert.Equal(2, suites.Elements("testsuite").Sum(suite => (int?)suite.Attribute("skipped") ?? 0));
        XElement drive = suites.Elements("testsuite").First();
        Assert.Equal("end-of-line.level-drive", (string?)drive.Attribute("name"));
        Assert.Equal("WAND-0007", drive.Element("properties")!.Elements("property").Single(property => (string?)property.Attribute("name") == "dut-serial").Attribute("value")!.Value);
        XElement failed = drive.Elements("testcase").Single(testcase => (string?)testcase.Attribute("name") == "level-3-amplitude");
        Assert.Contains("0.2 g in [0.264, 0.3226]", (string?)failed.Element("failure")!.Attribute("message"), StringComparison.Ordinal);
        XElement thermal = suites.Elements("testsuite").ElementAt(1);
        Assert.Equal("ERROR", (string?)thermal.Elements("testcase").First().Element("error")!.Attribute("type"));
        Assert.NotNull(suites.Elements("testsuite").ElementAt(2).Elements("testcase").First().Element("skipped"));
    }

    [Fact]
    public void Html_IsWellFormedAndHasPlots()
    {
        string html = HtmlReportWriter.Render(SampleRecords.Failed());

        XDocument document = ParseHtml(html);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(2, document.Descendants(svg + "svg").Count());
        Assert.All(document.Descendants(svg + "polyline"), line => Assert.True(line.Attribute("points")!.Value.Trim().Split(' ').Length >= 4));
        Assert.Contains("level-3-amplitude", html, StringComparison.Ordinal);
        Assert.Contains("Kim &amp; &lt;Lee&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_OfTheEndOfLineRun_PlotsDriveAndAmplitudeOfTheLevelPhase()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"));

        XDocument document = ParseHtml(HtmlReportWriter.Render(record));

        XElement section = document.Descendants().Single(element => (string?)element.Attribute("id") == "phase-level-drive");
        XNamespace svg = "http://www.w3.org/2000/svg";
        string[] labels = section.Descendants(svg + "svg").Select(plot => (string)plot.Attribute("aria-label")!).ToArray();
        Assert.Contains("level-drive: drive-level", labels);
        Assert.Contains("level-drive: amplitude", labels);
        Assert.Contains("level-drive: motor-voltage", labels);
    }

    [Fact]
    public async Task ReportSet_WritesTheThreeFiles()
    {
        string directory = Path.Combine(Path.GetTempPath(), "wand-reports-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = await ReportSet.WriteAsync(SampleRecords.Failed(), directory, default);

            Assert.Equal([".json", ".xml", ".html"], paths.Select(Path.GetExtension));
            Assert.All(paths, path => Assert.True(new FileInfo(path).Length > 100));
            Assert.Empty(Directory.GetFiles(directory, "*.partial"));
            Assert.Equal(1, JUnitSchema.AssertAllValid(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static XDocument ParseHtml(string html)
    {
        using XmlReader reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
