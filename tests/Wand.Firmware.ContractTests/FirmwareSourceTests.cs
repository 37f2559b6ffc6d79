using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Wand.Firmware.ContractTests;

/// <summary>The firmware sources themselves: they compile against the contract and stay in the nanoFramework subset.</summary>
public class FirmwareSourceTests
{
    [Fact]
    public void FirmwareSources_CompileAgainstTheContract()
    {
        var trees = Repository.FirmwareSourceDirectories
            .SelectMany(Repository.SourceFiles)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ContractCompiler.ParseOptions, path))
            .ToArray();

        var errors = ContractCompiler.Errors(trees);

        Assert.True(trees.Length > 40, "Expected the core, protocol and app sources; found " + trees.Length + " files.");
        Assert.True(errors.Count == 0, ContractCompiler.Describe(errors));
    }

    [Fact]
    public void FirmwareSources_StayInTheNanoFrameworkSubset()
    {
        var trees = Repository.FirmwareSourceDirectories
            .SelectMany(Repository.SourceFiles)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ContractCompiler.ParseOptions, path))
            .ToArray();

        var findings = SubsetScanner.ScanAll(trees);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [InlineData("class Box<T> { }", "generic type")]
    [InlineData("class C { void M<T>(T value) { } }", "generic type or method")]
    [InlineData("class C { int[,] grid = new int[2, 2]; }", "multidimensional")]
    [InlineData("class C { async void M() { } }", "async")]
    [InlineData("class C { object M(int[] v) { return from x in v select x; } }", "LINQ")]
    [InlineData("class C { System.Collections.IEnumerable M() { yield return 1; } }", "iterator")]
    [InlineData("class C { unsafe void M(int* p) { } }", "unsafe")]
    [InlineData("class C { string? name; }", "nullable")]
    [InlineData("class C { System.Action<int> handler; }", "generic type System.Action<int>")]
    [InlineData("class C { int M() { System.Func<int, int> twice = x => 2 * x; return twice(2); } }", "generic type System.Func<int, int>")]
    [InlineData("class C { void Run(System.Func<int> source) { } void M() { Run(() => 1); } }", "generic type System.Func<int>")]
    [InlineData("class C { public event System.EventHandler<System.EventArgs> Changed; }", "generic type System.EventHandler<System.EventArgs>")]
    [InlineData("class C { void M(object sender) { var handler = new System.EventHandler<string>((s, e) => { }); } }", "generic type System.EventHandler<string>")]
    [InlineData("class C { int? last; }", "generic")]
    [InlineData("class C { void M() { var pair = (1, 2); } }", "generic")]
    [InlineData("class C { static T First<T>(T[] values) { return values[0]; } int M() { return First(new[] { 1 }); } }", "generic method")]
    [InlineData("class C { void M(object o) { if (o is int and > 3) { } } }", "not C# 7.3")]
    [InlineData("record Point(int X, int Y);", "not C# 7.3")]
    [InlineData("class C { int M() => 1 switch { _ => 2 }; }", "not C# 7.3")]
    public void Scanner_FlagsEachForbiddenConstruct(string source, string expected)
    {
        var findings = SubsetScanner.Scan("probe.cs", source);

        Assert.Contains(findings, finding => finding.Contains(expected, System.StringComparison.Ordinal));
    }

    [Fact]
    public void ContractCheckBuild_RunsTheGenericUseAnalyzer()
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root, "firmware", "Wand.Firmware.ContractCheck", "Wand.Firmware.ContractCheck.csproj"));

        Assert.Contains(
            project.Descendants().Where(element => element.Name.LocalName == "ProjectReference"),
            reference => ((string)reference.Attribute("Include")!).EndsWith("Wand.Firmware.SubsetAnalyzer.csproj", System.StringComparison.Ordinal)
                && (string?)reference.Attribute("OutputItemType") == "Analyzer");
    }

    [Fact]
    public void Scanner_AcceptsPlainNanoFrameworkCode()
    {
        var findings = SubsetScanner.Scan("probe.cs", """
            namespace N
            {
                public sealed class Ring
                {
                    private readonly int[][] _rows = new int[2][];
                    private int _last;
                    public int Count { get; private set; }
                    public event System.EventHandler Changed;
                    public void Add(int value) { lock (this) { Count++; _last = value; } System.EventHandler changed = Changed; if (changed != null) { changed(this, System.EventArgs.Empty); } }
                }
            }
            """);

        Assert.Empty(findings);
    }
}
