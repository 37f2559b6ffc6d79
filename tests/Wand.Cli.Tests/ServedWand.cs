using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Wand.Cli.Tests;

/// <summary>A <c>wand sim serve</c> child process on a free loopback port, killed on dispose.</summary>
internal sealed partial class ServedWand : IDisposable
{
    private ServedWand(ChildProcess process, string address)
    {
        Process = process;
        Address = address;
    }

    public ChildProcess Process { get; }

    public string Address { get; }

    public static async Task<ServedWand> StartAsync(double speed, params string[] extra)
    {
        string[] args = ["sim", "serve", "--port", "0", "--speed", speed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra];
        ChildProcess process = ChildProcess.Start(args);
        try
        {
            string output = await process.WaitForOutputAsync("Serving a virtual wand on ", TimeSpan.FromSeconds(30));
            Match match = AddressPattern().Match(output);
            return new ServedWand(process, match.Value);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public Task<CliResult> RunAsync(params string[] args) => ChildProcess.RunAsync(TimeSpan.FromSeconds(30), ["--device", Address, .. args]);

    public void Dispose() => Process.Dispose();

    [GeneratedRegex(@"tcp://127\.0\.0\.1:\d+")]
    private static partial Regex AddressPattern();
}
