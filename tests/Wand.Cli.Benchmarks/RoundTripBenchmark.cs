using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Wand.Host.Client;
using Wand.Host.Links;
using Wand.Host.Serving;
using Wand.Protocol.Profile;

namespace Wand.Cli.Benchmarks;

/// <summary>
/// Round trips over the loopback link: a served virtual wand in real time and a framed link client in the same
/// process, reading <c>status</c> back to back (each read is one request frame and one answer frame).
/// </summary>
internal static class RoundTripBenchmark
{
    public static async Task RunAsync(TimeSpan duration)
    {
        using VirtualWandHost host = new(new VirtualWandHostOptions { Speed = 1 });
        await MeasureAsync("TCP 127.0.0.1", host, WandStreamServer.StartTcp(host, 0), duration);
        string path = Path.Combine(Path.GetTempPath(), $"wand-bench-{Environment.ProcessId}.sock");
        await MeasureAsync("Unix socket", host, WandStreamServer.StartUnix(host, path), duration);
    }

    private static async Task MeasureAsync(string name, VirtualWandHost host, WandStreamServer server, TimeSpan duration)
    {
        await using (server)
        {
            Guid status = CharacteristicMap.UuidOf(WandProfile.StatusIndex);
            await using IWandLink link = new WandLinkFactory().Create(server.Address);
            await link.ConnectAsync();
            for (int warm = 0; warm < 500; warm++)
            {
                await link.ReadAsync(status);
            }

            List<double> latencies = new(100_000);
            Stopwatch total = Stopwatch.StartNew();
            Stopwatch one = new();
            while (total.Elapsed < duration)
            {
                one.Restart();
                await link.ReadAsync(status);
                latencies.Add(one.Elapsed.TotalMicroseconds);
            }

            total.Stop();
            latencies.Sort();
            Console.WriteLine($"  {name,-14} {latencies.Count / total.Elapsed.TotalSeconds,9:0} round trips/s   latency median {latencies[latencies.Count / 2],6:0} µs, p99 {latencies[(int)(latencies.Count * 0.99)],6:0} µs");
        }
    }
}
