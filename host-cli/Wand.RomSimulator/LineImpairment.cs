using System;
using System.Collections.Generic;

namespace Wand.RomSimulator;

/// <summary>
/// What the serial line does to bytes on their way, from one seeded generator so runs repeat: garbage while the host's
/// pseudo-terminal rate differs from the ROM's by more than 3 %, losses above the fastest rate the line carries, and the
/// injected drops, bit flips, delays and lost answers of <see cref="FaultInjection"/>.
/// </summary>
internal sealed class LineImpairment(RomSimulatorOptions options, SimulatorStatistics statistics, Func<int> romBaudRate)
{
    private readonly Random faults = new(options.Faults?.Seed ?? 1);

    /// <summary>Feeds request bytes to the frame reader through the line, up to and including the end of the first complete frame.</summary>
    /// <param name="hostBaudRate">The rate the host set on its end, or <c>null</c> when the channel cannot tell.</param>
    /// <param name="reader">The ROM's frame reader.</param>
    /// <param name="bytes">Bytes from the host.</param>
    /// <param name="frames">Receives the frame completed, if any.</param>
    /// <returns>How many of <paramref name="bytes"/> were consumed.</returns>
    public int FeedUntilFrame(int? hostBaudRate, SlipFrameReader reader, ReadOnlySpan<byte> bytes, List<byte[]> frames)
    {
        bool garble = IsGarbled(hostBaudRate);
        bool unreliable = IsUnreliable();
        FaultInjection? requestFaults = options.Faults is { AffectRequests: true } injection ? injection : null;
        int fed = 0;
        while (fed < bytes.Length && frames.Count == 0)
        {
            byte value = bytes[fed++];
            if (garble)
            {
                value = (byte)faults.Next(256);
            }
            else if (unreliable && faults.NextDouble() < options.UnreliableLossProbability)
            {
                statistics.Dropped(); // an overrun or framing error loses the byte
                continue;
            }

            if (requestFaults is not null && !ApplyFault(requestFaults, ref value))
            {
                continue;
            }

            reader.Feed(value, frames);
        }

        if (garble)
        {
            statistics.Garbled(fed);
        }

        return fed;
    }

    /// <summary>Passes answer bytes through the line.</summary>
    /// <param name="hostBaudRate">The rate the host set on its end, or <c>null</c> when the channel cannot tell.</param>
    /// <param name="bytes">The bytes the chip sends.</param>
    /// <param name="applyFaults">Whether the injected faults apply (not to a boot banner).</param>
    /// <returns>The bytes that reach the host.</returns>
    public byte[] Outgoing(int? hostBaudRate, byte[] bytes, bool applyFaults)
    {
        List<byte> output = new(bytes.Length);
        FaultInjection? responseFaults = applyFaults && options.Faults is { AffectResponses: true } injection ? injection : null;
        bool garble = IsGarbled(hostBaudRate);
        bool unreliable = IsUnreliable();
        foreach (byte original in bytes)
        {
            byte value = garble ? (byte)faults.Next(256) : original;
            if (!garble && unreliable && faults.NextDouble() < options.UnreliableLossProbability)
            {
                statistics.Dropped();
                continue;
            }

            if (responseFaults is null || ApplyFault(responseFaults, ref value))
            {
                output.Add(value);
            }
        }

        return output.ToArray();
    }

    /// <summary>Draws whether a whole answer frame is lost (<see cref="FaultInjection.LoseAnswerProbability"/>).</summary>
    /// <returns><c>true</c> to drop the answer.</returns>
    public bool LosesAnswer() => options.Faults is { LoseAnswerProbability: > 0 } lossy && faults.NextDouble() < lossy.LoseAnswerProbability;

    /// <summary>Applies the per-byte faults.</summary>
    /// <returns><c>false</c> when the byte is dropped.</returns>
    private bool ApplyFault(FaultInjection injection, ref byte value)
    {
        if (injection.DropProbability > 0 && faults.NextDouble() < injection.DropProbability)
        {
            statistics.Dropped();
            return false;
        }

        if (injection.CorruptProbability > 0 && faults.NextDouble() < injection.CorruptProbability)
        {
            value ^= (byte)(1 << faults.Next(8));
            statistics.Corrupted();
        }

        if (injection.DelayProbability > 0 && faults.NextDouble() < injection.DelayProbability)
        {
            statistics.Delayed();
            PreciseDelay.Wait(injection.Delay);
        }

        return true;
    }

    private bool IsGarbled(int? hostBaudRate)
    {
        if (!options.GarbleOnBaudMismatch || hostBaudRate is not int host)
        {
            return false;
        }

        int rom = romBaudRate();
        return Math.Abs(host - rom) > rom * 0.03;
    }

    private bool IsUnreliable() => options.MaximumReliableBaudRate is int limit && romBaudRate() > limit * 1.01; // the divider lands near, not on, the rate
}
