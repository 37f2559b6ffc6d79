using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Wand.Firmware.ContractTests;

/// <summary>
/// Finds constructs the nanoFramework 1.x toolchain rejects but a compile against the contract alone would not catch
/// (the contract cannot forbid declaring your own generic type) or that it would report only indirectly: generic type
/// and method declarations, any use of a generic type or method (the real mscorlib 1.17.11 declares
/// <c>Action&lt;T&gt;</c>, <c>Func&lt;T, TResult&gt;</c> and <c>EventHandler&lt;TEventArgs&gt;</c>, which compile but
/// which the 1.x runtime and its metadata processor do not run), multidimensional arrays, C# features after 7.3,
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

        CSharpCompilation compilation = ContractCompiler.Compilation(trees);
        foreach (SyntaxTree tree in trees)
        {
            findings.AddRange(ScanSyntax(tree));
            findings.AddRange(ScanGenericUses(compilation.GetSemanticModel(tree)));
        }

        return findings;
    }

    /// <summary>
    /// Every expression and type reference whose bound type, converted type or symbol involves a generic type or a
    /// generic method: <c>Action&lt;int&gt;</c> fields, a lambda converted to <c>Func&lt;int&gt;</c>, <c>int?</c>
    /// (<c>Nullable&lt;int&gt;</c>), tuples (<c>ValueTuple&lt;...&gt;</c>), a call of a generic method, an event of a
    /// generic delegate type. One finding per source line.
    /// </summary>
    private static List<string> ScanGenericUses(SemanticModel model)
    {
        var findings = new List<string>();
        var reportedLines = new HashSet<int>();
        foreach (SyntaxNode node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            if (node is not (ExpressionSyntax or TypeSyntax or VariableDeclaratorSyntax or ParameterSyntax))
            {
                continue;
            }

            string? generic = GenericInvolved(model, node);
            int line = node.GetLocation().GetLineSpan().StartLinePosition.Line;
            if (generic != null && reportedLines.Add(line))
            {
                findings.Add(Where(node.GetLocation()) + " uses the generic " + generic + " (the nanoFramework 1.x runtime runs no generics)");
            }
        }

        return findings;
    }

    private static string? GenericInvolved(SemanticModel model, SyntaxNode node)
    {
        if (node is VariableDeclaratorSyntax or ParameterSyntax)
        {
            ISymbol? declared = model.GetDeclaredSymbol(node);
            return declared == null ? null : GenericInSymbol(declared);
        }

        TypeInfo typeInfo = model.GetTypeInfo(node);
        string? generic = GenericInType(typeInfo.Type) ?? GenericInType(typeInfo.ConvertedType);
        if (generic != null)
        {
            return generic;
        }

        SymbolInfo symbolInfo = model.GetSymbolInfo(node);
        foreach (ISymbol? symbol in new[] { symbolInfo.Symbol }.Concat(symbolInfo.CandidateSymbols))
        {
            generic = symbol == null ? null : GenericInSymbol(symbol);
            if (generic != null)
            {
                return generic;
            }
        }

        return null;
    }

    private static string? GenericInSymbol(ISymbol symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol method:
                if (method.IsGenericMethod)
                {
                    return "method " + method.ToDisplayString();
                }

                return GenericInType(method.ContainingType) ?? GenericInType(method.ReturnType)
                    ?? method.Parameters.Select(parameter => GenericInType(parameter.Type)).FirstOrDefault(found => found != null);
            case IPropertySymbol property:
                return GenericInType(property.ContainingType) ?? GenericInType(property.Type);
            case IFieldSymbol field:
                return GenericInType(field.ContainingType) ?? GenericInType(field.Type);
            case IEventSymbol @event:
                return GenericInType(@event.ContainingType) ?? GenericInType(@event.Type);
            case ILocalSymbol local:
                return GenericInType(local.Type);
            case IParameterSymbol parameter:
                return GenericInType(parameter.Type);
            case ITypeSymbol type:
                return GenericInType(type);
            default:
                return null;
        }
    }

    private static string? GenericInType(ITypeSymbol? type)
    {
        switch (type)
        {
            case INamedTypeSymbol named when named.IsGenericType || named.IsTupleType:
                return "type " + named.ToDisplayString();
            case INamedTypeSymbol named when named.ContainingType != null:
                return GenericInType(named.ContainingType);
            case IArrayTypeSymbol array:
                return GenericInType(array.ElementType);
            case IPointerTypeSymbol pointer:
                return GenericInType(pointer.PointedAtType);
            default:
                return null;
        }
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
