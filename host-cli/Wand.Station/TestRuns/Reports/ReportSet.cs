using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>Writes a run's JSON record, JUnit XML and HTML report into a folder, each file atomically.</summary>
public static class ReportSet
{
    /// <summary>Writes the three files, named <c>SERIAL.PLAN.STARTMILLIS.{json,junit.xml,html}</c>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="directory">The folder; created when missing.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths written: JSON, JUnit XML, HTML.</returns>
    /// <exception cref="IOException">A file could not be written.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(TestRecord record, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(directory);
        string json = Path.Combine(directory, TestRecordJson.FileName(record, ".json"));
        string junit = Path.Combine(directory, TestRecordJson.FileName(record, ".junit.xml"));
        string html = Path.Combine(directory, TestRecordJson.FileName(record, ".html"));
        await TestRecordJson.WriteFileAtomicallyAsync(json, TestRecordJson.Serialize(record), cancellationToken).ConfigureAwait(false);
        await TestRecordJson.WriteFileAtomicallyAsync(junit, JUnitWriter.Render(record), cancellationToken).ConfigureAwait(false);
        await TestRecordJson.WriteFileAtomicallyAsync(html, HtmlReportWriter.Render(record), cancellationToken).ConfigureAwait(false);
        return [json, junit, html];
    }
}
