using System;
using System.Globalization;
using System.IO;

namespace Wand.Host.Calibration.Reports;

/// <summary>The report files written for one unit.</summary>
/// <param name="JsonPath">Path of the JSON report.</param>
/// <param name="HtmlPath">Path of the HTML report.</param>
public sealed record CalibrationReportPaths(string JsonPath, string HtmlPath);

/// <summary>Writes a unit's JSON and HTML reports, each through a temporary file renamed into place (no half-written or temporary file left).</summary>
public static class CalibrationReportFiles
{
    /// <summary>Writes both reports under a name no other report in the folder has.</summary>
    /// <param name="result">The result.</param>
    /// <param name="directory">The directory; created if missing.</param>
    /// <returns>
    /// The paths written, named <c>calibration-UNIT-yyyyMMddTHHmmssfffZ.json/.html</c>, with <c>-2</c>, <c>-3</c>, …
    /// appended when a report of that unit and time exists already (virtual units share serial and start time).
    /// </returns>
    /// <exception cref="IOException">A report could not be written; no temporary or half-written file is left.</exception>
    public static CalibrationReportPaths Write(CalibrationResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        string stem = Path.Combine(directory, "calibration-" + CalibrationHtmlReport.UnitName(result) + "-"
            + result.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture));
        string json = CalibrationJson.Serialize(result);
        for (int attempt = 1; ; attempt++)
        {
            string candidate = attempt == 1 ? stem : stem + "-" + attempt.ToString(CultureInfo.InvariantCulture);
            CalibrationReportPaths paths = new(candidate + ".json", candidate + ".html");
            if (File.Exists(paths.HtmlPath) || !OutputFiles.TryWriteNewAsync(paths.JsonPath, json).GetAwaiter().GetResult())
            {
                continue;
            }

            OutputFiles.WriteAsync(paths.HtmlPath, CalibrationHtmlReport.Render(result)).GetAwaiter().GetResult();
            return paths;
        }
    }
}
