using System.CommandLine;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace Wand.Cli.Tests;

/// <summary>Runs the CLI in-process with captured writers.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        int code = await Program.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;

    /// <summary>Gets the error document that --json writes on standard error.</summary>
    public JsonElement ErrorJson => JsonDocument.Parse(Error).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
