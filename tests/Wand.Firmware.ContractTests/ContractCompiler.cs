using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wand.Firmware.ContractTests;

/// <summary>Compiles C# against the nanoFramework contract assemblies, as the contract check project does.</summary>
internal static class ContractCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp7_3);

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static string ContractDirectory => Path.Combine(AppContext.BaseDirectory, "contract");

    public static IReadOnlyList<string> AssemblyNames =>
        Directory.GetFiles(ContractDirectory, "*.dll").Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;

    /// <summary>Compiles and returns the error diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> Errors(params string[] sources)
    {
        SyntaxTree[] trees = sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)).ToArray();
        return Errors(trees);
    }

    public static IReadOnlyList<Diagnostic> Errors(IEnumerable<SyntaxTree> trees) =>
        Compilation(trees).GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "ContractProbe",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(diagnostic => diagnostic.ToString()));

    private static MetadataReference[] LoadReferences()
    {
        string[] files = Directory.GetFiles(ContractDirectory, "*.dll");
        if (files.Length == 0)
        {
            throw new InvalidOperationException("No contract assemblies in " + ContractDirectory + "; build the test project.");
        }

        return files.Select(file => (MetadataReference)MetadataReference.CreateFromFile(file)).ToArray();
    }
}

/// <summary>Finds the repository and the firmware source sets.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string[] FirmwareSourceDirectories { get; } =
    {
        Path.Combine(Root, "firmware", "core"),
        Path.Combine(Root, "protocol", "Wand.Protocol"),
        Path.Combine(Root, "firmware", "app"),
    };

    public static IEnumerable<string> SourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(directory, path))
            .Order(StringComparer.Ordinal);

    private static bool IsBuildOutput(string directory, string path)
    {
        string relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal)
            || relative.StartsWith("obj/", StringComparison.Ordinal)
            || relative.StartsWith("packages/", StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory != null && !File.Exists(Path.Combine(directory, "WandFirmware.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("WandFirmware.sln not found above " + AppContext.BaseDirectory);
    }
}
