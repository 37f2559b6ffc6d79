using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>
/// The served wand under a low open-file limit. Past the limit the .NET runtime aborts ("Out of memory.", exit 134)
/// because it cannot open what it needs itself, so the server keeps a reserve and lowers its connection cap to fit.
/// </summary>
public sealed partial class OpenFileLimitTests
{
    [Fact]
    public async Task SimServe_UnderALowOpenFileLimit_LowersItsCapRefusesTheRestAndKeepsServing()
    {
        using ChildProcess server = ChildProcess.StartLimited(130, "sim", "serve", "--port", "0", "--speed", "5");
        string banner = await server.WaitForOutputAsync("more are refused.", TimeSpan.FromSeconds(60));
        int cap = int.Parse(CapPattern().Match(banner).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(cap, 1, 31);
        int port = int.Parse(PortPattern().Match(banner).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Twice the cap plus ten: without the lowered cap this many descriptors would exhaust the limit.
        List<Socket> clients = [];
        try
        {
            for (int index = 0; index < (2 * cap) + 10; index++)
            {
                Socket client = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                clients.Add(client);
                await client.ConnectAsync("127.0.0.1", port);
            }

            await server.WaitForOutputAsync("refused a connection", TimeSpan.FromSeconds(60));
        }
        finally
        {
            foreach (Socket client in clients)
            {
                client.Dispose();
            }
        }

        CliResult status = await ChildProcess.RunAsync(TimeSpan.FromSeconds(60), "--device", $"tcp://127.0.0.1:{port}", "status", "--json");
        Assert.True(status.ExitCode == 0, $"status exited {status.ExitCode}: {status.Error}; server: {server.Output} {server.Error}");
        Assert.DoesNotContain("Out of memory", server.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimServe_WhenTheOpenFileLimitLeavesNoRoom_RefusesToStartAndSaysWhy()
    {
        using ChildProcess server = ChildProcess.StartLimited(100, "sim", "serve", "--port", "0");
        int code = await server.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((int)ExitCode.ServeFailed, code);
        Assert.Contains("ulimit -n", server.Error, StringComparison.Ordinal);
        Assert.Contains("open-file limit is 100", server.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"at most (\d+) at once")]
    private static partial Regex CapPattern();

    [GeneratedRegex(@"tcp://127\.0\.0\.1:(\d+)")]
    private static partial Regex PortPattern();
}
