using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using System.Xml.Schema;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>Validates JUnit XML against the constraints of Jenkins' junit-10.xsd (Schemas/jenkins-junit-10.xsd).</summary>
internal static class JUnitSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        XmlSchemaSet set = new();
        set.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "jenkins-junit-10.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Asserts that the XML is valid; the failure lists every problem with its line.</summary>
    /// <param name="xml">The document.</param>
    /// <param name="source">Where it came from, for the message.</param>
    public static void AssertValid(string xml, string source)
    {
        List<string> problems = [];
        XmlReaderSettings settings = new() { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, problem) => problems.Add($"{problem.Severity} at {problem.Exception.LineNumber}:{problem.Exception.LinePosition}: {problem.Message}");
        using (XmlReader reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.True(problems.Count == 0, $"{source} breaks junit-10.xsd:\n{string.Join("\n", problems)}");
    }

    /// <summary>Asserts that every JUnit file (*.xml) under a folder is valid, and returns how many there were.</summary>
    /// <param name="folder">The folder (searched recursively); a missing folder holds none.</param>
    /// <returns>The number of files checked.</returns>
    public static int AssertAllValid(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        string[] files = Directory.GetFiles(folder, "*.xml", SearchOption.AllDirectories);
        foreach (string file in files)
        {
            AssertValid(File.ReadAllText(file), file);
        }

        return files.Length;
    }
}
