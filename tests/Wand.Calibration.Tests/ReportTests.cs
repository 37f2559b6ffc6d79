using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Reports;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary>The per-unit reports: JSON that reads back, HTML with a well-formed plot inside its frame.</summary>
public sealed partial class ReportTests
{
    [Fact]
    public async Task Reports_JsonRoundTripsAndPlotIsWellFormedWithEveryElement()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 71);
        CalibrationResult result = await unit.CalibrateAsync();

        CalibrationResult? back = CalibrationJson.Deserialize(CalibrationJson.Serialize(result));
        Assert.NotNull(back);
        Assert.Equal(result.NewRecord!.LevelMillivolts, back!.NewRecord!.LevelMillivolts);
        Assert.Equal(result.LevelChecks, back.LevelChecks);

        XElement svg = XElement.Parse(AmplitudePlot.Render(result));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(result.SweepPoints.Count, svg.Elements(ns + "circle").Count());
        Assert.Equal(5, svg.Elements(ns + "rect").Count());
        Assert.Single(svg.Elements(ns + "polyline"));
        string[] labels = svg.Elements(ns + "text").Select(text => text.Value).ToArray();
        Assert.Contains("breakaway", labels);
        Assert.Contains("sustain", labels);
        Assert.Contains("ceiling", labels);
        foreach (XElement point in svg.Elements(ns + "circle"))
        {
            Assert.InRange(double.Parse(point.Attribute("cx")!.Value, CultureInfo.InvariantCulture), 0, 640);
            Assert.InRange(double.Parse(point.Attribute("cy")!.Value, CultureInfo.InvariantCulture), 0, 400);
        }

        string html = CalibrationHtmlReport.Render(result);
        Assert.Contains("PASS", html, StringComparison.Ordinal);
        Assert.Equal(5, LevelRow().Count(html));
    }

    [Fact]
    public void ReportFiles_UnitNameSanitisedAndWrittenWhole()
    {
        string directory = Path.Combine(Path.GetTempPath(), "wand-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            CalibrationResult result = new() { Identity = new UnitIdentity("AB/../12", "m", "f"), Outcome = CalibrationOutcome.Fail, Message = "<script>" };
            CalibrationReportPaths paths = CalibrationReportFiles.Write(result, directory);
            Assert.StartsWith(Path.Combine(directory, "calibration-AB____12-"), paths.JsonPath, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", File.ReadAllText(paths.HtmlPath), StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
            Assert.Empty(Directory.GetFiles(directory, "*.partial"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex("<tr><td>[1-5]</td>")]
    private static partial Regex LevelRow();
}
