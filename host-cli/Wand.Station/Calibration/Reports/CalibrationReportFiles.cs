using System;
using System.Globalization;
using System.IO;

namespace Wand.Host.Calibration.Reports;

/// <summary>The report files written for one unit.</summary>
/// <param name="JsonPath">Path of the JSON report.</param>
/// <param name="HtmlPath">Path of the HTML report.</param>
public sealed record CalibrationReportPaths(string JsonPath, string HtmlPath);

/// <summary>Writes a unit's JSON and HTML reports, each through a temporary file renamed into place (no half-written report).</summary>
public static class CalibrationReportFiles
{
    /// <summary>Writes both reports.</summary>
    /// <param name="result">The result.</param>
    /// <param name="directory">The directory; created if missing.</param>
    /// <returns>The paths written, named <c>calibration-UNIT-yyyyMMddTHHmmssZ.json/.html</c>.</returns>
    public static CalibrationReportPaths Write(CalibrationResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        string stem = Path.Combine(directory, "calibration-" + CalibrationHtmlReport.UnitName(result) + "-"
            + result.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        CalibrationReportPaths paths = new(stem + ".json", stem + ".html");
        WriteAtomically(paths.JsonPath, CalibrationJson.Serialize(result));
        WriteAtomically(paths.HtmlPath, CalibrationHtmlReport.Render(result));
        return paths;
    }

    private static void WriteAtomically(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
