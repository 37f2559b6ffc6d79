using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Wand.Core.Tests;

public class StructureTests
{
    [Fact]
    public void SR2_OnlyTheSafetyGovernorWritesTheMotorOutput()
    {
        string core = Path.Combine(RepositoryRoot(), "firmware", "core");
        string[] writers = Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains(".SetDutyCycle(", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(core, file).Replace('\\', '/'))
            .ToArray();
        Assert.Equal(new[] { "Safety/SafetyGovernor.cs" }, writers);
    }

    internal static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "WandFirmware.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
