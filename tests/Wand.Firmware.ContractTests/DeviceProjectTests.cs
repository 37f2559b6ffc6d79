using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Wand.Firmware.ContractTests;

/// <summary>
/// The nanoFramework project cannot be built here, so its consistency is checked as data: every app source is
/// compiled by it, every package is pinned exactly and referenced with the same version, and the shared sources come
/// in through the .projitems files rather than copies.
/// </summary>
public class DeviceProjectTests
{
    private static readonly string AppDirectory = Path.Combine(Repository.Root, "firmware", "app");

    private static XDocument Project() => XDocument.Load(Path.Combine(AppDirectory, "WandFirmware.nfproj"));

    private static Dictionary<string, string> PinnedPackages() =>
        XDocument.Load(Path.Combine(AppDirectory, "packages.config")).Root!.Elements("package")
            .ToDictionary(package => (string)package.Attribute("id")!, package => (string)package.Attribute("version")!);

    private static IEnumerable<XElement> Items(XDocument project, string name) =>
        project.Descendants().Where(element => element.Name.LocalName == name);

    [Fact]
    public void Nfproj_CompilesEveryAppSourceFile()
    {
        var listed = Items(Project(), "Compile")
            .Select(item => ((string)item.Attribute("Include")!).Replace('\\', '/'))
            .ToHashSet();
        var present = Repository.SourceFiles(AppDirectory)
            .Select(path => Path.GetRelativePath(AppDirectory, path).Replace('\\', '/'))
            .ToArray();

        Assert.Equal(
            present.Order(System.StringComparer.Ordinal).ToArray(),
            listed.Order(System.StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Nfproj_ImportsTheSharedCoreAndProtocolSources()
    {
        var imports = Items(Project(), "Import").Select(import => (string)import.Attribute("Project")!).ToArray();

        Assert.Contains(@"..\core\Wand.Core.projitems", imports);
        Assert.Contains(@"..\..\protocol\Wand.Protocol\Wand.Protocol.projitems", imports);
        Assert.Contains(imports, import => import.EndsWith("NFProjectSystem.CSharp.targets", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("nanoFramework.CoreLibrary", "1.17.11")]
    [InlineData("nanoFramework.Device.Bluetooth", "1.1.123")]
    [InlineData("nanoFramework.System.Device.Pwm", "1.1.23")]
    [InlineData("nanoFramework.Hardware.Esp32", "1.6.42")]
    [InlineData("nanoFramework.System.Device.Adc", "1.1.24")]
    [InlineData("nanoFramework.System.Device.Gpio", "1.1.62")]
    [InlineData("nanoFramework.System.Math", "1.5.116")]
    public void PackagesConfig_PinsTheIssueVersions(string id, string version)
    {
        Assert.Equal(version, PinnedPackages()[id]);
    }

    [Fact]
    public void ContractCheck_UsesTheMscorlibTheDeviceProjectPins()
    {
        string central = Items(XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")), "PackageVersion")
            .Where(item => (string?)item.Attribute("Include") == "nanoFramework.CoreLibrary")
            .Select(item => (string)item.Attribute("Version")!)
            .Single();

        Assert.Equal(PinnedPackages()["nanoFramework.CoreLibrary"], central);
    }

    [Fact]
    public void Nfproj_ReferencesEveryPinnedPackageAtItsPinnedVersion()
    {
        var hintPaths = Items(Project(), "HintPath").Select(hint => hint.Value.Replace('\\', '/')).ToArray();

        foreach (var (id, version) in PinnedPackages())
        {
            Assert.Contains(hintPaths, path => path.StartsWith("../packages/" + id + "." + version + "/lib/", System.StringComparison.Ordinal));
        }

        Assert.Equal(PinnedPackages().Count, hintPaths.Length);
    }

    [Fact]
    public void Nfproj_IsNotPartOfTheDotnetSolution()
    {
        string solution = File.ReadAllText(Path.Combine(Repository.Root, "WandFirmware.sln"));

        Assert.DoesNotContain("WandFirmware.nfproj", solution, System.StringComparison.Ordinal);
        Assert.Contains("WandFirmware.nfproj", File.ReadAllText(Path.Combine(Repository.Root, "firmware", "WandFirmware.Device.sln")), System.StringComparison.Ordinal);
    }
}
