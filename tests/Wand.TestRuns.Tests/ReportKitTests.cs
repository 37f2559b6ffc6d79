using System.Text;
using System.Xml.Linq;
using Wand.Host.Reports;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The report kit that run reports and calibration reports share.</summary>
public sealed class ReportKitTests
{
    [Fact]
    public void SvgCanvas_DataCorners_MapToThePlotAreaCorners()
    {
        SvgCanvas canvas = new(640, 200, 56, 12, 24, 34);
        canvas.Scale(1000, 3000, -1, 1);

        Assert.Equal(56, canvas.X(1000), 9);
        Assert.Equal(628, canvas.X(3000), 9);
        Assert.Equal(166, canvas.Y(-1), 9);
        Assert.Equal(24, canvas.Y(1), 9);
    }

    [Fact]
    public void SvgCanvas_Complete_IsOneWellFormedSvgElementWithThePolyline()
    {
        SvgCanvas canvas = new(100, 50, 10, 10, 10, 10);
        canvas.Scale(0, 1, 0, 1);
        canvas.Polyline([(0.0, 0.0), (1.0, 1.0)], "class=\"series\"");

        XElement svg = XElement.Parse(canvas.Complete(" class=\"plot\""));

        Assert.Equal("svg", svg.Name.LocalName);
        XElement line = Assert.Single(svg.Elements());
        Assert.Equal("10.0,40.0 90.0,10.0 ", (string?)line.Attribute("points"));
    }

    [Fact]
    public void HtmlDocument_Title_IsEncoded()
    {
        StringBuilder html = new();
        HtmlDocument.Open(html, "<unit & plan>", "body{}");
        HtmlDocument.Close(html);

        Assert.Contains("<title>&lt;unit &amp; plan&gt;</title>", html.ToString());
        Assert.EndsWith("</body></html>\n", html.ToString());
    }
}
