using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Wand.Firmware.SubsetAnalyzer;

/// <summary>
/// Finds every use of a generic type or method in a syntax tree: the bound type, converted type or symbol of each
/// expression and type reference, and the type of each declared variable, field and parameter. Covers
/// <c>Action&lt;int&gt;</c> fields, a lambda converted to <c>Func&lt;int&gt;</c>, <c>int?</c> (<c>Nullable&lt;int&gt;</c>),
/// tuples (<c>ValueTuple&lt;...&gt;</c>), calls of generic methods and events of a generic delegate type.
/// </summary>
public static class GenericUse
{
    /// <summary>One finding per source line: where, and the generic type or method involved.</summary>
    /// <param name="model">Semantic model of the tree to scan.</param>
    /// <returns>The location and a description such as <c>type System.Action&lt;int&gt;</c>.</returns>
    public static IReadOnlyList<KeyValuePair<Location, string>> Find(SemanticModel model)
    {
        var findings = new List<KeyValuePair<Location, string>>();
        var reportedLines = new HashSet<int>();
        foreach (SyntaxNode node in model.SyntaxTree.GetRoot().DescendantNodes())
        {
            if (node is not (ExpressionSyntax or TypeSyntax or VariableDeclaratorSyntax or ParameterSyntax))
            {
                continue;
            }

            string? generic = Involved(model, node);
            Location location = node.GetLocation();
            if (generic != null && reportedLines.Add(location.GetLineSpan().StartLinePosition.Line))
            {
                findings.Add(new KeyValuePair<Location, string>(location, generic));
            }
        }

        return findings;
    }

    private static string? Involved(SemanticModel model, SyntaxNode node)
    {
        if (node is VariableDeclaratorSyntax or ParameterSyntax)
        {
            ISymbol? declared = model.GetDeclaredSymbol(node);
            return declared == null ? null : InSymbol(declared);
        }

        TypeInfo typeInfo = model.GetTypeInfo(node);
        string? generic = InType(typeInfo.Type) ?? InType(typeInfo.ConvertedType);
        if (generic != null)
        {
            return generic;
        }

        SymbolInfo symbolInfo = model.GetSymbolInfo(node);
        return new[] { symbolInfo.Symbol }.Concat(symbolInfo.CandidateSymbols)
            .Select(symbol => symbol == null ? null : InSymbol(symbol))
            .FirstOrDefault(found => found != null);
    }

    private static string? InSymbol(ISymbol symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol method:
                if (method.IsGenericMethod)
                {
                    return "method " + method.ToDisplayString();
                }

                return InType(method.ContainingType) ?? InType(method.ReturnType)
                    ?? method.Parameters.Select(parameter => InType(parameter.Type)).FirstOrDefault(found => found != null);
            case IPropertySymbol property:
                return InType(property.ContainingType) ?? InType(property.Type);
            case IFieldSymbol field:
                return InType(field.ContainingType) ?? InType(field.Type);
            case IEventSymbol @event:
                return InType(@event.ContainingType) ?? InType(@event.Type);
            case ILocalSymbol local:
                return InType(local.Type);
            case IParameterSymbol parameter:
                return InType(parameter.Type);
            case ITypeSymbol type:
                return InType(type);
            default:
                return null;
        }
    }

    private static string? InType(ITypeSymbol? type)
    {
        switch (type)
        {
            case INamedTypeSymbol named when named.IsGenericType || named.IsTupleType:
                return "type " + named.ToDisplayString();
            case INamedTypeSymbol named when named.ContainingType != null:
                return InType(named.ContainingType);
            case IArrayTypeSymbol array:
                return InType(array.ElementType);
            case IPointerTypeSymbol pointer:
                return InType(pointer.PointedAtType);
            default:
                return null;
        }
    }
}
