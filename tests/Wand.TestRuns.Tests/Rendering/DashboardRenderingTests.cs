using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Wand.Cli;
using Wand.Host.Results.Sqlite;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Records;
using Xunit;

namespace Wand.TestRuns.Tests.Rendering;

/// <summary>
/// The yield dashboard written by <c>wand results report --html</c>, opened in headless Chromium: it renders without
/// console errors, every plot is laid out with a size, and its numbers are the store's.
/// </summary>
[Collection(nameof(ChromiumRenderingGroup))]
public sealed class DashboardRenderingTests : IDisposable
{
    /// <summary>Appended to a copy of the page: records each plot's rendered size after layout.</summary>
    private const string Probe = """
        <script>
        addEventListener('load', () => {
          document.querySelectorAll('svg.plot').forEach(svg => {
            const box = svg.getBoundingClientRect();
            svg.setAttribute('data-rendered', Math.round(box.width) + 'x' + Math.round(box.height));
          });
          document.body.setAttribute('data-probed', 'yes');
        });
        </script>
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "wand-dashboard-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task HC6_Dashboard_RendersEveryPlotWithTheStoresNumbers()
    {
        string store = Path.Combine(folder, "eol.sqlite");
        YieldReport report;
        await using (SqliteResultsStore station = await SqliteResultsStore.OpenAsync(store))
        {
            foreach (TestRecord record in SyntheticRuns.Line(500))
            {
                await station.SaveRunAsync(record);
            }

            report = await station.AnalyzeYieldAsync(new YieldFilter());
        }

        string page = Path.Combine(folder, "yield.html");
        using StringWriter output = new();
        using StringWriter error = new();
        int code = await Program.BuildRootCommand().Parse(["results", "report", "--results", store, "--html", page]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(code == 0, error.ToString());
        string html = await File.ReadAllTextAsync(page);
        Assert.DoesNotMatch(new Regex("<script|https?://(?!www\\.w3\\.org/2000/svg)", RegexOptions.IgnoreCase), html);

        string probe = Path.Combine(folder, "yield.probe.html");
        await File.WriteAllTextAsync(probe, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        string screenshot = Path.Combine(folder, "yield.png");
        string screenshotLog = await HeadlessChromium.ScreenshotAsync(page, screenshot);
        (string dom, string domLog) = await HeadlessChromium.DumpDomAsync(probe);
        Directory.CreateDirectory(ReportRenderingTests.ScreenshotDirectory);
        File.Copy(screenshot, Path.Combine(ReportRenderingTests.ScreenshotDirectory, "yield-dashboard.png"), overwrite: true);

        Assert.True(new FileInfo(screenshot).Length > 1000, $"Chromium wrote no screenshot: {screenshotLog}");
        Assert.Contains("data-probed=\"yes\"", dom, StringComparison.Ordinal);
        foreach (string log in new[] { screenshotLog, domLog })
        {
            Assert.DoesNotMatch(new Regex("CONSOLE.*(Uncaught|Error)|Failed to load"), log);
        }

        // Every plot is present and laid out at its size.
        XElement[] plots = Regex.Matches(dom, "<svg[^>]*class=\"plot\".*?</svg>", RegexOptions.Singleline).Select(match => XElement.Parse(match.Value)).ToArray();
        string[] kinds = plots.Select(plot => (string)plot.Attribute("data-plot")!).ToArray();
        Assert.Equal(1, kinds.Count(kind => kind == "trend"));
        Assert.Equal(1, kinds.Count(kind => kind == "pareto"));
        Assert.Equal(report.Capability.Count, kinds.Count(kind => kind == "histogram"));
        Assert.All(plots, plot => Assert.Equal($"{plot.Attribute("width")!.Value}x{plot.Attribute("height")!.Value}", (string?)plot.Attribute("data-rendered")));

        // The numbers are the store's: headline, Pareto bars, histogram totals, the Cpk table.
        Match summary = Regex.Match(dom, "id=\"summary\" data-units=\"(\\d+)\" data-runs=\"(\\d+)\" data-retests=\"(\\d+)\" data-first-pass=\"(\\d+)\" data-final-pass=\"(\\d+)\"");
        Assert.True(summary.Success, "the summary cards are in the page");
        YieldGroup all = report.Overall;
        Assert.Equal([all.Units, all.Runs, all.Retests, all.FirstPassUnits, all.FinalPassUnits], summary.Groups.Cast<Group>().Skip(1).Select(group => int.Parse(group.Value, CultureInfo.InvariantCulture)));
        Assert.True(all.Retests > 0 && all.FirstPassUnits < all.FinalPassUnits, "the sample line has retests that rescue units");
        Assert.Contains($"<b>{YieldDashboardWriter.Percent(all.FirstPassYield)}</b>first-pass yield", dom, StringComparison.Ordinal);
        XElement pareto = plots.Single(plot => (string?)plot.Attribute("data-plot") == "pareto");
        Assert.Equal(report.Pareto.Take(12).Select(entry => entry.Failures), pareto.Descendants().Where(element => (string?)element.Attribute("class") == "bar").Select(bar => (int)bar.Attribute("data-failures")!));
        foreach ((XElement plot, CapabilityEntry entry) in plots.Where(plot => (string?)plot.Attribute("data-plot") == "histogram").Zip(report.Capability))
        {
            Assert.Equal(entry.Measurement, (string?)plot.Attribute("data-measurement"));
            Assert.Equal(entry.Count, (int)plot.Attribute("data-values")!);
            Assert.Equal((entry.Minimum != null ? 1 : 0) + (entry.Maximum != null ? 1 : 0), plot.Descendants().Count(element => (string?)element.Attribute("class") == "limitline"));
            Assert.Contains($"<td>{entry.Measurement}</td><td>{entry.Units}</td>", dom, StringComparison.Ordinal);
            Assert.Contains($"<td class=\"number\">{YieldDashboardWriter.Index(entry.Cpk)}</td><td class=\"number\">{YieldDashboardWriter.Index(entry.Ppk)}</td></tr>", dom, StringComparison.Ordinal);
        }
    }
}
