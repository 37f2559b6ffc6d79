using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Wand.Core.Board;
using Xunit;

namespace Wand.Core.Tests;

public class LimitsDocumentTests
{
    [Fact]
    public void LimitsDocument_EveryValueMatchesTheFirmwareConstant()
    {
        string path = Path.Combine(StructureTests.RepositoryRoot(), "hardware", "limits.md");
        string[] rows = File.ReadAllLines(path)
            .Where(line => line.StartsWith("| SR-", StringComparison.Ordinal))
            .Where(line => line.Split('|').Length == 8)
            .ToArray();
        Assert.True(rows.Length >= 20, $"expected the limits table, found {rows.Length} rows");
        FieldInfo[] constants = typeof(SafetyLimits).GetFields(BindingFlags.Public | BindingFlags.Static);
        foreach (string row in rows)
        {
            string[] cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
            string name = cells[5].Trim('`');
            FieldInfo? constant = constants.FirstOrDefault(field => field.Name == name);
            Assert.True(constant != null, $"hardware/limits.md names {name}, which SafetyLimits does not declare");
            Assert.Equal(int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), (int)constant!.GetValue(null)!);
        }
    }

    [Fact]
    public void LimitsDocument_DocumentsEveryLimitConstant()
    {
        string text = File.ReadAllText(Path.Combine(StructureTests.RepositoryRoot(), "hardware", "limits.md"));
        string[] undocumented = typeof(SafetyLimits).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(SafetyLimits.LevelCount))
            .Select(field => field.Name)
            .Where(name => !text.Contains("`" + name + "`", StringComparison.Ordinal))
            .ToArray();
        Assert.Empty(undocumented);
    }
}
