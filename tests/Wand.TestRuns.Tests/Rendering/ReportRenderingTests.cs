using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Wand.Host.Calibration.Reports;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;
using Wand.Simulation;
using Xunit;

namespace Wand.TestRuns.Tests.Rendering;

/// <summary>
/// The run and calibration reports rendered in headless Chromium as a QA lead opens them: each page renders without
/// console errors, its first screen (1000 × 1400 px) names the verdict and the cause, and every plot in the rendered
/// DOM has its series and its limits, with no limit label inside the plot area. Screenshots are kept in
/// <c>report-screenshots/</c> next to the test assembly.
/// </summary>
[Collection(nameof(ChromiumRenderingGroup))]
public sealed class ReportRenderingTests
{
    /// <summary>Where the screenshots are kept.</summary>
    public static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "report-screenshots");

    /// <summary>A script appended to a copy of the page: measures where the cause ends and counts plots after layout.</summary>
    private const string Probe = """
        <script>
        addEventListener('load', () => {
          const cause = document.getElementById('first-failure') || document.getElementById('summary');
          document.body.setAttribute('data-cause-bottom', cause ? Math.round(cause.getBoundingClientRect().bottom + scrollY) : -1);
          document.body.setAttribute('data-plots', document.querySelectorAll('svg.plot').length);
          document.body.setAttribute('data-probed', 'yes');
        });
        </script>
        """;

    [Fact]
    public async Task RunReport_Pass_RendersWithEveryPlotsSeriesAndLimits()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"));
        Assert.Equal(RunOutcome.Pass, record.Outcome);

        Rendered page = await RenderAsync("run-pass", HtmlReportWriter.Render(record));

        Assert.Contains("measurement passed", page.Summary, StringComparison.Ordinal);
        AssertRunPlots(page, record);
        Assert.Contains(page.Plots, plot => plot.Title.Contains("motor-voltage", StringComparison.Ordinal) && plot.Bands.Count >= 1);
    }

    [Fact]
    public async Task RunReport_StuckThermalSensor_ShowsTheNtcReadingAsCauseOnTheFirstScreenAndItsFlatTemperaturePlot()
    {
        await using SimulatedWandLink link = new();
        await Defects.StickThermalSensorAsync(link);
        TestRecord record = await PlanRunning.RunnerFor(link).RunAsync(PlanRunning.Load("end-of-line.yaml"), link, new SimulatedStationFixture(link), null, default);

        Rendered page = await RenderAsync("run-fail-stuck-ntc", HtmlReportWriter.Render(record));

        Assert.Contains("ntc-reading-at-40c", page.FirstFailure, StringComparison.Ordinal);
        Assert.InRange(page.CauseBottom, 1, HeadlessChromium.WindowHeight);
        AssertRunPlots(page, record);
        Plot temperature = Assert.Single(page.Plots, plot => plot.Title == "thermal: head-temperature");
        Assert.Contains(temperature.Bands, band => band.Label.Contains("ntc-reading-at-40c", StringComparison.Ordinal));
        Assert.Single(Regex.Matches(page.Summary, "class=\"badge FAIL\"").Cast<Match>().Take(1));
        Assert.DoesNotContain("MARGINAL</span>", page.Dom[..page.Dom.IndexOf("id=\"summary\"", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunReport_MiscalibratedMotor_ShowsTheLevelAmplitudeAsCauseOnTheFirstScreen()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("end-of-line.yaml"), Defects.MiscalibratedMotor);

        Rendered page = await RenderAsync("run-fail-miscalibrated", HtmlReportWriter.Render(record));

        Assert.Contains("level-1-amplitude", page.FirstFailure, StringComparison.Ordinal);
        Assert.Contains("then also failed", page.Summary, StringComparison.Ordinal);
        Assert.InRange(page.CauseBottom, 1, HeadlessChromium.WindowHeight);
        AssertRunPlots(page, record);
        Plot amplitude = Assert.Single(page.Plots, plot => plot.Title == "level-drive: amplitude");
        Assert.Equal(5, amplitude.Bands.Count(band => band.Label.Contains("amplitude", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunReport_Aborted_ShowsWhereItStoppedOnTheFirstScreenAndLaterPhasesAsSkipped()
    {
        TestPlan plan = PlanRunning.Load("end-of-line.yaml");
        using CancellationTokenSource cancel = new();
        await using SimulatedWandLink link = new();
        TestRecord record = await PlanRunning.RunnerFor(link).RunAsync(plan, link, new SimulatedStationFixture(link), new CancelAtPhase("thermal", cancel), cancel.Token);
        Assert.Equal(RunOutcome.Aborted, record.Outcome);

        Rendered page = await RenderAsync("run-aborted", HtmlReportWriter.Render(record));

        Assert.Contains("Stopped", page.Summary, StringComparison.Ordinal);
        Assert.Contains("thermal", page.Summary, StringComparison.Ordinal);
        Assert.InRange(page.CauseBottom, 1, HeadlessChromium.WindowHeight);
        Assert.Contains("not run: consequence of the earlier stop", page.Summary, StringComparison.Ordinal);
        Assert.DoesNotMatch(">0 – 0<", page.Dom);
        Assert.Contains("<td>skipped</td>", page.Dom, StringComparison.Ordinal);
        AssertRunPlots(page, record);
    }

    [Fact]
    public async Task CalibrationReport_Pass_HasTheTargetBandsAndTheSweepAndIsShownInTheRunReport()
    {
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("calibration.yaml"), new SimulatedWandOptions { Calibrated = false });
        AttachmentRecord attachment = Assert.Single(record.Attachments, candidate => candidate.Name == "calibration.html");

        Rendered calibration = await RenderAsync("calibration-pass", Encoding.UTF8.GetString(attachment.Data));
        Rendered run = await RenderAsync("run-calibration-pass", HtmlReportWriter.Render(record));

        Plot plot = Assert.Single(calibration.Plots);
        Assert.Equal(5, plot.Bands.Count);
        Assert.True(plot.SeriesPoints > 5, "the sweep is drawn");
        Assert.Contains("class=\"badge PASS\"", calibration.Summary + calibration.Dom[..calibration.Dom.IndexOf("id=\"summary\"", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("<iframe class=\"attachment\"", run.Dom, StringComparison.Ordinal);
        Assert.Contains("href=\"#attachments\"", run.Dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalibrationReport_MotorNeverStarts_SaysNotMeasuredAndStillDrawsTheTargets()
    {
        ErmMotorParameters stuck = ErmMotorParameters.Nominal with { StartVolts = 3.6, SustainVolts = 2.0 };
        TestRecord record = await PlanRunning.RunAsync(PlanRunning.Load("calibration.yaml"), new SimulatedWandOptions { Motor = stuck, Calibrated = false });
        AttachmentRecord attachment = Assert.Single(record.Attachments, candidate => candidate.Name == "calibration.html");

        Rendered calibration = await RenderAsync("calibration-fail-no-start", Encoding.UTF8.GetString(attachment.Data));

        Plot plot = Assert.Single(calibration.Plots);
        Assert.Equal(5, plot.Bands.Count);
        Assert.Equal(0, plot.SeriesPoints);
        Assert.Contains("Not measured", plot.Markup, StringComparison.Ordinal);
        Assert.Contains("not measured", calibration.Dom, StringComparison.Ordinal);
        Assert.DoesNotContain(": 0 mV", calibration.Dom, StringComparison.Ordinal);
        Assert.Contains("class=\"badge FAIL\"", calibration.Dom, StringComparison.Ordinal);
        Assert.InRange(calibration.CauseBottom, 1, HeadlessChromium.WindowHeight);
    }

    private static void AssertRunPlots(Rendered page, TestRecord record)
    {
        Assert.NotEmpty(page.Plots);
        foreach (Plot plot in page.Plots)
        {
            Assert.True(plot.SeriesPoints >= 1, $"{plot.Title}: the series is drawn");
            Assert.True(plot.PolylinePoints >= 2, $"{plot.Title}: the series' line has at least two points (a constant series draws flat)");
            Assert.Contains("device time (s)", plot.Markup, StringComparison.Ordinal);
            Assert.All(plot.Bands, band => Assert.True(band.Height > 0, $"{plot.Title}: band {band.Label} has height"));
            Assert.All(plot.LabelBaselines, y => Assert.True(y < plot.FrameTop, $"{plot.Title}: limit labels sit above the plot area, under no line"));
            if (plot.Title.EndsWith("motor-voltage", StringComparison.Ordinal))
            {
                Assert.Contains(plot.Bands, band => band.Label.Contains("SR-3", StringComparison.Ordinal));
            }
        }

        // A phase that recorded a series gets its plot, flat or not.
        foreach (PhaseRecord phase in record.Phases.Where(phase => phase.Outcome != PhaseOutcome.Skipped))
        {
            foreach (SeriesRecord series in record.Series.Where(series => series.Name is "head-temperature" or "battery" or "motor-voltage" or "amplitude" or "drive-level"))
            {
                if (series.Points.Any(point => point.TimeMilliseconds >= phase.DeviceStartMilliseconds && point.TimeMilliseconds <= phase.DeviceEndMilliseconds))
                {
                    Assert.Contains(page.Plots, plot => plot.Title == $"{phase.Name}: {series.Name}");
                }
            }
        }
    }

    private static async Task<Rendered> RenderAsync(string name, string html)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        string page = Path.Combine(ScreenshotDirectory, name + ".html");
        string probe = Path.Combine(ScreenshotDirectory, name + ".probe.html");
        string screenshot = Path.Combine(ScreenshotDirectory, name + ".png");
        await File.WriteAllTextAsync(page, html);
        await File.WriteAllTextAsync(probe, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        File.Delete(screenshot);

        string screenshotLog = await HeadlessChromium.ScreenshotAsync(page, screenshot);
        (string dom, string domLog) = await HeadlessChromium.DumpDomAsync(probe);

        Assert.True(File.Exists(screenshot), $"Chromium wrote no screenshot of {name}: {screenshotLog}");
        byte[] png = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal(HeadlessChromium.WindowWidth, ReadBigEndian(png, 16));
        Assert.Equal(HeadlessChromium.WindowHeight, ReadBigEndian(png, 20));
        Assert.Contains("data-probed=\"yes\"", dom, StringComparison.Ordinal);
        foreach (string log in new[] { screenshotLog, domLog })
        {
            Assert.DoesNotMatch(new Regex("CONSOLE.*(Uncaught|Error)|Failed to load"), log);
        }

        return new Rendered(dom);
    }

    private static int ReadBigEndian(byte[] bytes, int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];

    /// <summary>A page as Chromium rendered it.</summary>
    private sealed class Rendered
    {
        public Rendered(string dom)
        {
            Dom = dom;
            CauseBottom = int.Parse(Regex.Match(dom, "data-cause-bottom=\"(-?\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
            Match summary = Regex.Match(dom, "<div class=\"verdict[^\"]*\" id=\"summary\">(.*?)</div>", RegexOptions.Singleline);
            Summary = summary.Success ? summary.Groups[1].Value : string.Empty;
            Match first = Regex.Match(dom, "id=\"first-failure\">(.*?)</a>", RegexOptions.Singleline);
            FirstFailure = first.Success ? first.Groups[1].Value : string.Empty;
            Plots = Regex.Matches(dom, "<svg[^>]*class=\"plot\".*?</svg>", RegexOptions.Singleline).Select(match => new Plot(match.Value)).ToList();
        }

        public string Dom { get; }

        public int CauseBottom { get; }

        public string Summary { get; }

        public string FirstFailure { get; }

        public IReadOnlyList<Plot> Plots { get; }
    }

    /// <summary>One plot, read from the SVG in the rendered DOM.</summary>
    private sealed class Plot
    {
        public Plot(string markup)
        {
            Markup = markup;
            XElement svg = XElement.Parse(markup);
            Title = (string?)svg.Attribute("aria-label") ?? string.Empty;
            IEnumerable<XElement> all = svg.Descendants();
            XElement? series = all.FirstOrDefault(element => (string?)element.Attribute("class") == "series");
            SeriesPoints = series == null ? -1 : int.Parse((string?)series.Attribute("data-points") ?? "0", CultureInfo.InvariantCulture);
            PolylinePoints = series?.Name.LocalName == "polyline" ? ((string?)series.Attribute("points") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length : 0;
            Bands = all.Where(element => (string?)element.Attribute("class") == "limit")
                .Select(element => new Band(element.Elements().FirstOrDefault(child => child.Name.LocalName == "title")?.Value ?? string.Empty, double.Parse((string?)element.Attribute("height") ?? "0", CultureInfo.InvariantCulture)))
                .ToList();
            XElement? frame = all.FirstOrDefault(element => (string?)element.Attribute("class") == "frame");
            FrameTop = frame == null ? double.MaxValue : double.Parse((string?)frame.Attribute("y") ?? "0", CultureInfo.InvariantCulture);
            LabelBaselines = all.Where(element => (string?)element.Attribute("class") == "limitlabel" && Title.Contains(':', StringComparison.Ordinal))
                .Select(element => double.Parse((string?)element.Attribute("y") ?? "0", CultureInfo.InvariantCulture)).ToList();
        }

        public string Markup { get; }

        public string Title { get; }

        public int SeriesPoints { get; }

        public int PolylinePoints { get; }

        public IReadOnlyList<Band> Bands { get; }

        public double FrameTop { get; }

        public IReadOnlyList<double> LabelBaselines { get; }
    }

    private sealed record Band(string Label, double Height);

    /// <summary>Stops the run (as Ctrl-C would) when a phase starts.</summary>
    private sealed class CancelAtPhase(string phaseName, CancellationTokenSource cancel) : ITestRunProgress
    {
        public void RunStarted(TestPlan plan, string deviceAddress)
        {
        }

        public void PhaseStarted(PhasePlan phase, int attempt)
        {
        }

        public void StepStarted(PhasePlan phase, StepPlan planStep)
        {
            if (phase.Name == phaseName)
            {
                cancel.Cancel();
            }
        }

        public void MeasurementJudged(PhasePlan phase, MeasurementRecord measurement)
        {
        }

        public void PhaseFinished(PhaseRecord phase)
        {
        }

        public void RunFinished(TestRecord record)
        {
        }
    }
}

/// <summary>Chromium-rendering tests run one at a time: each starts a browser.</summary>
[CollectionDefinition(nameof(ChromiumRenderingGroup), DisableParallelization = true)]
public sealed class ChromiumRenderingGroup
{
}
