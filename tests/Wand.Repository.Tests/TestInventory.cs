using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Wand.Repository.Tests;

/// <summary>A test method and the requirements it claims to cover.</summary>
/// <param name="Project">The test project folder, e.g. Wand.Core.Tests.</param>
/// <param name="Path">The repository-relative source file.</param>
/// <param name="Name">Class and method, e.g. SafetyGovernorTests.SR1_MotorIsSetToZeroFirst.</param>
/// <param name="Requirements">The requirement IDs, from the name's prefix and from Requirement traits.</param>
public sealed record TestCase(string Project, string Path, string Name, IReadOnlyList<string> Requirements);

/// <summary>
/// Finds test methods in the test sources by parsing them (no test assembly is loaded): methods carrying an
/// attribute named Fact, Theory or Property (xunit, FsCheck). A test covers a requirement when its name starts
/// with the ID without the hyphen (<c>SR7_…</c>, several as <c>BP3_SR14_…</c>) or when the method or its class
/// carries <c>[Trait("Requirement", "SR-7")]</c>.
/// </summary>
public static class TestInventory
{
    private static readonly HashSet<string> TestAttributes = new(StringComparer.Ordinal) { "Fact", "Theory", "Property" };

    /// <summary>Lists the test methods of every project under tests/.</summary>
    /// <returns>The tests ordered by project, file and name.</returns>
    public static IReadOnlyList<TestCase> Load() => Parse(RepositoryTree.TextFiles("tests").Where(file => file.Path.EndsWith(".cs", StringComparison.Ordinal)));

    /// <summary>Lists the test methods in the given C# sources.</summary>
    /// <param name="files">Test sources with repository-relative paths under tests/.</param>
    /// <returns>The tests ordered by project, file and name.</returns>
    public static IReadOnlyList<TestCase> Parse(IEnumerable<SourceFile> files)
    {
        List<TestCase> tests = [];
        foreach (SourceFile file in files)
        {
            string[] segments = file.Path.Split('/');
            string project = segments.Length > 2 ? segments[1] : "";
            SyntaxNode root = CSharpSyntaxTree.ParseText(file.Text).GetRoot();
            foreach (MethodDeclarationSyntax method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (!method.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => TestAttributes.Contains(ShortName(attribute))))
                {
                    continue;
                }

                string methodName = method.Identifier.ValueText;
                TypeDeclarationSyntax? type = method.Parent as TypeDeclarationSyntax;
                SortedSet<string> requirements = new(Comparer<string>.Create((left, right) => RequirementId.SortKey(left).CompareTo(RequirementId.SortKey(right))));
                foreach (string id in RequirementId.FromMethodName(methodName))
                {
                    requirements.Add(id);
                }

                foreach (string id in RequirementTraits(method.AttributeLists).Concat(type == null ? [] : RequirementTraits(type.AttributeLists)))
                {
                    requirements.Add(id);
                }

                string name = (type == null ? "" : type.Identifier.ValueText + ".") + methodName;
                tests.Add(new TestCase(project, file.Path, name, requirements.ToList()));
            }
        }

        return tests
            .OrderBy(test => test.Project, StringComparer.Ordinal)
            .ThenBy(test => test.Path, StringComparer.Ordinal)
            .ThenBy(test => test.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> RequirementTraits(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (AttributeSyntax attribute in lists.SelectMany(list => list.Attributes))
        {
            if (ShortName(attribute) != "Trait" || attribute.ArgumentList?.Arguments.Count != 2)
            {
                continue;
            }

            if (attribute.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "Requirement" }
                && attribute.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax value)
            {
                yield return value.Token.ValueText;
            }
        }
    }

    private static string ShortName(AttributeSyntax attribute)
    {
        string name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }
}
