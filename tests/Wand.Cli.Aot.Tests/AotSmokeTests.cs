using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Wand.Flashing.Tests;
using Wand.Host.Flashing;
using Xunit;

namespace Wand.Cli.Aot.Tests;

/// <summary>
/// The key commands through the Native AOT <c>wand</c> and the framework-dependent one: same exit codes, same text where
/// the output is deterministic, same verdicts and shapes where it carries times. Reflection or trimming breakage that
/// only the native build shows fails here.
/// </summary>
[Trait("Requirement", "HC-8")]
public sealed class AotSmokeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("wand-aot-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("test", "--help")]
    [InlineData("limits", "--json")]
    [InlineData("profile")]
    [InlineData("test", "list-steps", "--json")]
    public async Task DeterministicCommand_NativeWritesWhatJitWrites(params string[] args)
    {
        WandResult native = await WandProcess.RunAsync(WandBuild.Native, folder, args);
        WandResult jit = await WandProcess.RunAsync(WandBuild.Jit, folder, args);

        Assert.Equal(0, native.ExitCode);
        Assert.Equal(jit.ExitCode, native.ExitCode);
        Assert.Equal(WithoutCommit(jit.Output), WithoutCommit(native.Output));
        Assert.Equal(jit.Error, native.Error);
        Assert.NotEmpty(native.Output);
    }

    [Fact]
    public async Task StatusOnVirtualWand_NativeGivesTheSameDocument()
    {
        WandResult native = await WandProcess.RunAsync(WandBuild.Native, folder, "status", "--device", "sim", "--json");
        WandResult jit = await WandProcess.RunAsync(WandBuild.Jit, folder, "status", "--device", "sim", "--json");

        Assert.Equal(0, native.ExitCode);
        Assert.Equal(jit.Output, native.Output);
        using JsonDocument document = JsonDocument.Parse(native.Output);
        Assert.Equal("idle", document.RootElement.GetProperty("status").GetProperty("state").GetString());
    }

    [Fact]
    public async Task EndOfLinePlanThenResults_NativeStoresAndListsWhatJitDoes()
    {
        string plan = Path.Combine(NativeWand.RepositoryRoot, "hardware", "test-plans", "end-of-line.yaml");
        (JsonElement native, int nativeExit) = await RunPlanAsync(WandBuild.Native, plan, "native");
        (JsonElement jit, int jitExit) = await RunPlanAsync(WandBuild.Jit, plan, "jit");

        Assert.Equal(0, nativeExit);
        Assert.Equal(jitExit, nativeExit);
        Assert.Equal("PASS", native.GetProperty("outcome").GetString());
        Assert.Equal(Verdicts(jit), Verdicts(native));
        Assert.Equal(jit.GetProperty("reports").GetArrayLength(), native.GetProperty("reports").GetArrayLength());

        WandResult list = await WandProcess.RunAsync(WandBuild.Native, folder, "results", "list", "--results", Path.Combine(folder, "native.sqlite"), "--json");
        Assert.Equal(0, list.ExitCode);
        using JsonDocument runs = JsonDocument.Parse(list.Output);
        JsonElement run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal(native.GetProperty("runId").GetString(), run.GetProperty("runId").GetString());
        Assert.Equal("PASS", run.GetProperty("outcome").GetString());

        WandResult show = await WandProcess.RunAsync(WandBuild.Native, folder, "results", "show", native.GetProperty("runId").GetString()!, "--results", Path.Combine(folder, "native.sqlite"));
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("PASS", show.Output, StringComparison.Ordinal);

        // Yield and the dashboard: the report type goes through the generated serializer context in the native build.
        string store = Path.Combine(folder, "native.sqlite");
        WandResult nativeYield = await WandProcess.RunAsync(WandBuild.Native, folder, "results", "yield", "--results", store, "--json");
        WandResult jitYield = await WandProcess.RunAsync(WandBuild.Jit, folder, "results", "yield", "--results", store, "--json");
        Assert.True(nativeYield.ExitCode == 0, nativeYield.Error);
        Assert.Equal(jitYield.Output, nativeYield.Output);
        using JsonDocument yield = JsonDocument.Parse(nativeYield.Output);
        Assert.Equal(1, yield.RootElement.GetProperty("overall").GetProperty("units").GetInt32());

        string dashboard = Path.Combine(folder, "native-dashboard.html");
        WandResult report = await WandProcess.RunAsync(WandBuild.Native, folder, "results", "report", "--html", dashboard, "--results", store, "--json");
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("<svg", File.ReadAllText(dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalibrateOnVirtualWand_NativeReachesTheJitVerdict()
    {
        WandResult native = await WandProcess.RunAsync(WandBuild.Native, folder, "calibrate", "--device", "sim", "--report-dir", Path.Combine(folder, "native-calibration"), "--json");
        WandResult jit = await WandProcess.RunAsync(WandBuild.Jit, folder, "calibrate", "--device", "sim", "--report-dir", Path.Combine(folder, "jit-calibration"), "--json");

        Assert.Equal(0, native.ExitCode);
        Assert.Equal(jit.ExitCode, native.ExitCode);
        using JsonDocument nativeDocument = JsonDocument.Parse(native.Output);
        using JsonDocument jitDocument = JsonDocument.Parse(jit.Output);
        JsonElement nativeResult = nativeDocument.RootElement.GetProperty("result");
        Assert.Equal("pass", nativeResult.GetProperty("outcome").GetString());
        Assert.Equal(jitDocument.RootElement.GetProperty("result").GetProperty("newRecord").GetRawText(), nativeResult.GetProperty("newRecord").GetRawText());
        Assert.True(File.Exists(nativeDocument.RootElement.GetProperty("reports").GetProperty("jsonPath").GetString()));
    }

    [Fact]
    public async Task FlashAgainstSimulatedRom_NativeWritesEveryRegion()
    {
        string package = Path.Combine(folder, "package");
        Directory.CreateDirectory(package);
        FirmwarePackage images = TestImages.Package(runtimeLength: 200_000);
        File.WriteAllBytes(Path.Combine(package, "bootloader.bin"), images.Bootloader);
        File.WriteAllBytes(Path.Combine(package, "nanoCLR.bin"), images.Runtime);
        File.WriteAllBytes(Path.Combine(package, "partitions_4mb.bin"), images.PartitionTables["partitions_4mb.bin"]);
        File.WriteAllBytes(Path.Combine(folder, "App.bin"), TestImages.Application(30_000));

        string[] nativeRegions = await FlashAsync(WandBuild.Native, package);
        string[] jitRegions = await FlashAsync(WandBuild.Jit, package);

        Assert.Equal(["bootloader", "partition-table", "nanoCLR", "application"], nativeRegions.Select(region => region.Split(' ')[0]).ToArray());
        Assert.Equal(jitRegions, nativeRegions);
    }

    [Fact]
    public async Task ServedVirtualWand_NativeServerAnswersNativeClient()
    {
        using WandProcess server = WandProcess.Start(WandBuild.Native, folder, "sim", "serve", "--port", "0", "--json");
        using JsonDocument served = JsonDocument.Parse(await server.FirstLineAsync());
        string address = served.RootElement.GetProperty("address").GetString()!;

        WandResult info = await WandProcess.RunAsync(WandBuild.Native, folder, "info", "--device", address, "--json");
        WandResult status = await WandProcess.RunAsync(WandBuild.Native, folder, "status", "--device", address, "--json");

        Assert.Equal(0, info.ExitCode);
        Assert.Equal(0, status.ExitCode);
        using JsonDocument identity = JsonDocument.Parse(info.Output);
        Assert.Equal(address, identity.RootElement.GetProperty("device").GetString());
        Assert.NotEmpty(identity.RootElement.GetProperty("serialNumber").GetString()!);
        using JsonDocument document = JsonDocument.Parse(status.Output);
        Assert.Equal("idle", document.RootElement.GetProperty("status").GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("level", "99", "--json")]
    [InlineData("test", "run", "no-such-plan.yaml", "--json")]
    [InlineData("test", "validate", "no-such-plan.yaml")]
    [InlineData("flash", "--port", "/dev/ttyNOPE9", "--firmware", "no-such-package")]
    [InlineData("--no-such-option")]
    public async Task BadInput_NativeRefusesAsJitDoes(params string[] args)
    {
        WandResult native = await WandProcess.RunAsync(WandBuild.Native, folder, args);
        WandResult jit = await WandProcess.RunAsync(WandBuild.Jit, folder, args);

        Assert.NotEqual(0, native.ExitCode);
        Assert.NotEqual(70, native.ExitCode);
        Assert.Equal(jit.ExitCode, native.ExitCode);
        Assert.Equal(jit.Error, native.Error);
        Assert.Equal(jit.Output, native.Output);
    }

    /// <summary>The version without its <c>+commit</c> suffix: the two builds may come from different checkouts locally.</summary>
    private static string WithoutCommit(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\+[0-9a-f]{40}", string.Empty);

    private static string[] Verdicts(JsonElement document) =>
        document.GetProperty("record").GetProperty("phases").EnumerateArray()
            .SelectMany(phase => phase.GetProperty("measurements").EnumerateArray()
                .Select(measurement => $"{phase.GetProperty("name").GetString()}/{measurement.GetProperty("name").GetString()} {measurement.GetProperty("outcome").GetString()}"))
            .ToArray();

    private async Task<(JsonElement Document, int ExitCode)> RunPlanAsync(WandBuild build, string plan, string name)
    {
        WandResult result = await WandProcess.RunAsync(build, folder, "test", "run", plan, "--json", "--report-dir", Path.Combine(folder, name + "-reports"), "--results", Path.Combine(folder, name + ".sqlite"));
        using JsonDocument document = JsonDocument.Parse(result.Output);
        return (document.RootElement.Clone(), result.ExitCode);
    }

    private async Task<string[]> FlashAsync(WandBuild build, string package)
    {
        using WandProcess rom = WandProcess.Start(build, folder, "sim", "rom", "--json");
        using JsonDocument served = JsonDocument.Parse(await rom.FirstLineAsync());
        string port = served.RootElement.GetProperty("port").GetString()!;

        WandResult flash = await WandProcess.RunAsync(build, folder, "flash", "--port", port, "--firmware", package, "--app", Path.Combine(folder, "App.bin"), "--json");
        Assert.True(flash.ExitCode == 0, $"{build} flash exited with {flash.ExitCode}: {flash.Error}");
        using JsonDocument report = JsonDocument.Parse(flash.Output);
        return report.RootElement.GetProperty("regions").EnumerateArray()
            .Select(region => $"{region.GetProperty("name").GetString()} {region.GetProperty("address").GetString()} {region.GetProperty("bytes").GetInt32()} {region.GetProperty("skipped").GetBoolean()}")
            .ToArray();
    }
}
