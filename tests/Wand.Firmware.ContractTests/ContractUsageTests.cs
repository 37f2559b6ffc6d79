using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Wand.Firmware.ContractTests;

/// <summary>
/// "Only what the code uses": every public member declared in a device-library contract (everything but mscorlib,
/// whose types the compiler itself needs) is referenced by some firmware source.
/// </summary>
public class ContractUsageTests
{
    [Fact]
    public void DeviceContracts_DeclareOnlyWhatTheFirmwareUses()
    {
        SyntaxTree[] trees = Repository.FirmwareSourceDirectories
            .SelectMany(Repository.SourceFiles)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ContractCompiler.ParseOptions, path))
            .ToArray();
        CSharpCompilation compilation = ContractCompiler.Compilation(trees);

        var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (SyntaxTree tree in trees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or ObjectCreationExpressionSyntax or ElementAccessExpressionSyntax))
                {
                    continue;
                }

                SymbolInfo info = model.GetSymbolInfo(node);
                foreach (ISymbol symbol in new[] { info.Symbol }.Concat(info.CandidateSymbols).Where(symbol => symbol != null)!)
                {
                    used.Add(symbol.OriginalDefinition);
                    used.Add(symbol.ContainingType?.OriginalDefinition ?? symbol);
                    if (symbol is IMethodSymbol { AssociatedSymbol: not null } accessor)
                    {
                        used.Add(accessor.AssociatedSymbol);
                    }
                }
            }
        }

        // A used member makes the types in its signature used; a used type makes its base types used; an override
        // makes the member it overrides used.
        foreach (ISymbol symbol in used.ToArray())
        {
            foreach (ITypeSymbol type in SignatureTypes(symbol))
            {
                used.Add((type is IArrayTypeSymbol array ? array.ElementType : type).OriginalDefinition);
            }
        }

        foreach (ISymbol symbol in used.ToArray())
        {
            for (INamedTypeSymbol? type = (symbol as INamedTypeSymbol)?.BaseType; type != null; type = type.BaseType)
            {
                used.Add(type.OriginalDefinition);
            }

            ISymbol? overridden = symbol switch
            {
                IMethodSymbol method => method.OverriddenMethod,
                IPropertySymbol property => property.OverriddenProperty,
                _ => null,
            };
            if (overridden != null)
            {
                used.Add(overridden.OriginalDefinition);
            }
        }

        var unused = new List<string>();
        foreach (IAssemblySymbol assembly in compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>())
        {
            // mscorlib: the compiler itself needs most of it. System.Math: the documented replacement for .NET's Math,
            // kept whole (its intersection subset) so misuse of it fails the build even before the core calls it.
            if (assembly.Name == "mscorlib" || assembly.Name == "System.Math")
            {
                continue;
            }

            foreach (INamedTypeSymbol type in AllTypes(assembly.GlobalNamespace).Where(type => type.DeclaredAccessibility == Accessibility.Public))
            {
                if (!used.Contains(type))
                {
                    unused.Add(assembly.Name + ": " + type.ToDisplayString());
                    continue;
                }

                foreach (ISymbol member in type.GetMembers().Where(IsCheckedMember))
                {
                    if (!used.Contains(member))
                    {
                        unused.Add(assembly.Name + ": " + member.ToDisplayString());
                    }
                }
            }
        }

        Assert.True(unused.Count == 0, "Declared but unused:\n" + string.Join("\n", unused));
    }

    private static IEnumerable<ITypeSymbol> SignatureTypes(ISymbol symbol)
    {
        switch (symbol)
        {
            case IMethodSymbol method:
                yield return method.ReturnType;
                foreach (IParameterSymbol parameter in method.Parameters)
                {
                    yield return parameter.Type;
                }

                break;
            case IPropertySymbol property:
                yield return property.Type;
                break;
            case IEventSymbol @event:
                yield return @event.Type;
                break;
            case IFieldSymbol field:
                yield return field.Type;
                break;
        }
    }

    private static bool IsCheckedMember(ISymbol member)
    {
        if (member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared)
        {
            return false;
        }

        // Accessors are covered by their property or event; enum members, delegates' Invoke and members that complete a
        // type's shape (overrides, Dispose, constructors of parameter objects) are kept for exactness.
        return member switch
        {
            IMethodSymbol method => method.MethodKind is MethodKind.Ordinary && !method.IsOverride && method.Name != "Dispose" && method.ContainingType.TypeKind != TypeKind.Delegate,
            IPropertySymbol property => !property.IsOverride && !property.IsAbstract,
            IFieldSymbol field => field.ContainingType.TypeKind != TypeKind.Enum,
            IEventSymbol => true,
            _ => false,
        };
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol root)
    {
        foreach (INamespaceOrTypeSymbol member in root.GetMembers())
        {
            if (member is INamespaceSymbol space)
            {
                foreach (INamedTypeSymbol type in AllTypes(space))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                {
                    yield return nested;
                }
            }
        }
    }
}
