using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Wand.Firmware.SubsetAnalyzer;

namespace Wand.Firmware.ContractTests;

/// <summary>
/// Finds constructs the nanoFramework 1.x toolchain rejects but a compile against the contract alone would not catch
/// (the contract cannot forbid declaring your own generic type) or that it would report only indirectly: generic type
/// and method declarations, any use of a generic type or method (the real mscorlib 1.17.11 declares
/// <c>Action&lt;T&gt;</c>, <c>Func&lt;T, TResult&gt;</c> and <c>EventHandler&lt;TEventArgs&gt;</c>, which compile but
/// which the 1.x runtime and its metadata processor do not run; found by the analyzer the contract check build also
/// runs, firmware/Wand.Firmware.SubsetAnalyzer), multidimensional arrays, C# features after 7.3,
/// async/await, LINQ query syntax, iterators (their compiler-generated classes implement generic interfaces), and
/// unsafe code.
/// </summary>
internal static class SubsetScanner
{
    public static IReadOnlyList<string> Scan(string path, string source) =>
        ScanAll(new[] { CSharpSyntaxTree.ParseText(source, ContractCompiler.ParseOptions, path) });

    /// <summary>Scans a set of files; language-version errors come from one compilation against the contract.</summary>
    public static IReadOnlyList<string> ScanAll(IReadOnlyList<SyntaxTree> trees)
    {
        var findings = new List<string>();
        foreach (Diagnostic diagnostic in ContractCompiler.Errors(trees))
        {
            // Features after 7.3 are reported by the parser or the binder as "... Please use language version ...".
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (message.Contains("language version", System.StringComparison.Ordinal))
            {
                findings.Add(Where(diagnostic.Location) + " not C# 7.3: " + message);
            }
        }

        foreach (SyntaxTree tree in trees)
        {
            findings.AddRange(ScanSyntax(tree));
        }

        findings.AddRange(ScanGenericUses(ContractCompiler.Compilation(trees)));

        return findings;
    }

    /// <summary>
    /// The build's generic-use analyzer (<see cref="GenericUseAnalyzer"/>, WANDNF001) run over the compilation, so the
    /// scan and the contract check build report the same uses.
    /// </summary>
    private static List<string> ScanGenericUses(CSharpCompilation compilation)
    {
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new GenericUseAnalyzer()));
        return withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(diagnostic => diagnostic.Id == GenericUseAnalyzer.Rule.Id)
            .Select(diagnostic => Where(diagnostic.Location) + " " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    private static List<string> ScanSyntax(SyntaxTree tree)
    {
        var findings = new List<string>();

        foreach (SyntaxNode node in tree.GetRoot().DescendantNodesAndSelf())
        {
            string? rule = Rule(node);
            if (rule != null)
            {
                findings.Add(Where(node.GetLocation()) + " " + rule);
            }
        }

        foreach (SyntaxToken token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.AsyncKeyword) && token.Parent is MemberDeclarationSyntax or LambdaExpressionSyntax or LocalFunctionStatementSyntax)
            {
                findings.Add(Where(token.GetLocation()) + " async methods do not exist on nanoFramework 1.x");
            }

            if (token.IsKind(SyntaxKind.UnsafeKeyword))
            {
                findings.Add(Where(token.GetLocation()) + " unsafe code is not supported");
            }
        }

        return findings;
    }

    private static string? Rule(SyntaxNode node)
    {
        switch (node)
        {
            case TypeParameterListSyntax:
                return "declares a generic type or method (nanoFramework 1.x has no generics)";
            case ArrayRankSpecifierSyntax rank when rank.Rank > 1:
                return "uses a multidimensional array (nanoFramework supports jagged arrays only)";
            case AwaitExpressionSyntax:
                return "uses await";
            case QueryExpressionSyntax:
                return "uses a LINQ query";
            case YieldStatementSyntax:
                return "uses an iterator (yield); its generated class implements generic interfaces";
            case PointerTypeSyntax:
            case StackAllocArrayCreationExpressionSyntax:
            case FixedStatementSyntax:
                return "uses pointers or stackalloc";
            case NullableTypeSyntax nullable when nullable.Parent is not null && IsReferenceTypeName(nullable.ElementType):
                return "uses a nullable reference type annotation";
            default:
                return null;
        }
    }

    private static bool IsReferenceTypeName(TypeSyntax type) =>
        type is PredefinedTypeSyntax predefined && (predefined.Keyword.IsKind(SyntaxKind.StringKeyword) || predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword));

    private static string Where(Location location)
    {
        FileLinePositionSpan span = location.GetLineSpan();
        return span.Path + ":" + (span.StartLinePosition.Line + 1);
    }
}
