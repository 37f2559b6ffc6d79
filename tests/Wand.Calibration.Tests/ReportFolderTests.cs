using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Wand.Cli;
using Wand.Host;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Reports;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary>
/// Calibration reports: a folder that cannot take them stops the job before the wand is contacted; every report
/// gets its own name; a failed write leaves no temporary file.
/// </summary>
public sealed class ReportFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-report-folder-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("a-file")]
    [InlineData("a-file/below")]
    public async Task ReportDirThatCannotTakeFiles_IsRefusedBeforeTheWandIsContacted(string reportDirectory)
    {
        File.WriteAllText(Path.Combine(folder, "a-file"), "not a folder");
        using StringWriter output = new();
        using StringWriter error = new();

        // Nothing listens at the device address: a command that connected first would exit 11.
        int exit = await Program.RunAsync(
            ["--device", "tcp://127.0.0.1:1", "calibrate", "--report-dir", Path.Combine(folder, reportDirectory)],
            new InvocationConfiguration { Output = output, Error = error });

        Assert.True(exit == (int)ExitCode.CalibrationReportFailed, error.ToString());
        Assert.Contains("--report-dir", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was calibrated", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void SameUnitAndStartTime_GetDistinctReportFiles()
    {
        CalibrationResult result = new() { Identity = new UnitIdentity("SIM-0001", "m", "f"), Outcome = CalibrationOutcome.Pass, Message = "ok", StartedAt = new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero) };

        CalibrationReportPaths first = CalibrationReportFiles.Write(result, folder);
        CalibrationReportPaths second = CalibrationReportFiles.Write(result, folder);
        CalibrationReportPaths third = CalibrationReportFiles.Write(result, folder);

        Assert.Equal(3, new[] { first.JsonPath, second.JsonPath, third.JsonPath }.Distinct().Count());
        Assert.Equal(6, Directory.GetFiles(folder).Length);
        Assert.EndsWith("-2.json", second.JsonPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedWrite_LeavesNoTemporaryFile()
    {
        // The rename onto a non-empty folder fails after the content was written, as a late failure would.
        string target = Path.Combine(folder, "report.json");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "inside"), "x");

        await Assert.ThrowsAnyAsync<IOException>(() => OutputFiles.WriteAsync(target, "{}"));

        Assert.Equal([target], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task MissingFolder_IsRefusedAndLeavesNothing()
    {
        string target = Path.Combine(folder, "missing", "export.json");

        DirectoryNotFoundException error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => OutputFiles.WriteAsync(target, "{}"));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
