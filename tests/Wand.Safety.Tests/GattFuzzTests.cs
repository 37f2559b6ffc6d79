using System.Collections.Generic;
using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Wand.Safety.Tests;

public class GattFuzzTests(ITestOutputHelper output)
{
    /// <summary>Writes per run; CI sends 100,000. Set WAND_FUZZ_WRITES=1000000 for the full campaign.</summary>
    private static long Writes =>
        long.TryParse(Environment.GetEnvironmentVariable("WAND_FUZZ_WRITES"), out long count) && count > 0 ? count : 100_000;

    [Fact]
    public void BP3_SR14_MalformedAndMutatedWritesNeverBreakTheFirmwareOrASafetyInvariant()
    {
        long total = Writes;
        const int campaigns = 4;
        long writes = 0;
        long accepted = 0;
        long ticks = 0;
        long driven = 0;
        System.Collections.Generic.Dictionary<string, long> acceptedBy = new();
        System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        for (int campaign = 0; campaign < campaigns; campaign++)
        {
            GattFuzzer fuzzer = new(seed: 1000 + campaign, factoryMode: campaign % 2 == 1);
            fuzzer.Run(total / campaigns);
            writes += fuzzer.Writes;
            accepted += fuzzer.Accepted;
            ticks += fuzzer.Ticks;
            driven += fuzzer.DrivenTicks;
            foreach ((string name, long count) in fuzzer.AcceptedBy)
            {
                acceptedBy[name] = acceptedBy.GetValueOrDefault(name) + count;
            }
            output.WriteLine($"campaign {campaign}: {fuzzer.Writes} writes, {fuzzer.Accepted} accepted, refusals "
                + string.Join(", ", fuzzer.Refusals.OrderBy(pair => pair.Key).Select(pair => $"0x{pair.Key:X2}×{pair.Value}")));
        }

        output.WriteLine($"{writes} writes ({accepted} accepted) in {clock.Elapsed.TotalSeconds:F1} s; {ticks} ticks checked, {driven} with the motor driven");
        Assert.Equal(total - (total % campaigns), writes);

        // The campaign must reach the firmware's behaviour, not only its length checks.
        Assert.True(accepted > writes / 50, $"only {accepted} of {writes} writes were accepted");
        Assert.True(driven > 0, "no write ever drove the motor");

        // Protocol 1.1 writes reach the firmware too: routine start, pause, resume, catalog and history selections, time.
        output.WriteLine("accepted by characteristic: " + string.Join(", ", acceptedBy.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}×{pair.Value}")));
        foreach (string name in new[] { "control-point/0x05", "control-point/0x06", "control-point/0x07", "routine-catalog", "session-history", "current-time" })
        {
            Assert.True(acceptedBy.GetValueOrDefault(name) > 0, $"no {name} write was accepted");
        }
    }
}
