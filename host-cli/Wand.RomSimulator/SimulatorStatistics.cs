using System;
using System.Threading;

namespace Wand.RomSimulator;

/// <summary>Counters of what crossed the simulated line. Thread-safe.</summary>
public sealed class SimulatorStatistics
{
    private long bytesReceived;
    private long bytesSent;
    private long framesHandled;
    private long bytesDropped;
    private long bytesCorrupted;
    private long bytesDelayed;
    private long resets;
    private long bytesGarbled;
    private long answersLost;
    private long chipBusyTicks;

    /// <summary>Gets the bytes received from the host.</summary>
    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    /// <summary>Gets the bytes sent to the host.</summary>
    public long BytesSent => Interlocked.Read(ref bytesSent);

    /// <summary>Gets the request frames handed to the ROM model.</summary>
    public long FramesHandled => Interlocked.Read(ref framesHandled);

    /// <summary>Gets the bytes dropped by fault injection.</summary>
    public long BytesDropped => Interlocked.Read(ref bytesDropped);

    /// <summary>Gets the bytes corrupted by fault injection.</summary>
    public long BytesCorrupted => Interlocked.Read(ref bytesCorrupted);

    /// <summary>Gets the bytes delayed by fault injection.</summary>
    public long BytesDelayed => Interlocked.Read(ref bytesDelayed);

    /// <summary>Gets the bytes garbled because host and ROM ran at different rates.</summary>
    public long BytesGarbled => Interlocked.Read(ref bytesGarbled);

    /// <summary>Gets the answer frames lost by fault injection.</summary>
    public long AnswersLost => Interlocked.Read(ref answersLost);

    /// <summary>Gets the chip time modelled (erase, program, MD5, inflate), virtual time.</summary>
    public TimeSpan ChipBusyTime => TimeSpan.FromTicks(Interlocked.Read(ref chipBusyTicks));

    /// <summary>Gets the injected chip resets.</summary>
    public long Resets => Interlocked.Read(ref resets);

    internal void Received(long count) => Interlocked.Add(ref bytesReceived, count);

    internal void Sent(long count) => Interlocked.Add(ref bytesSent, count);

    internal void Frame() => Interlocked.Increment(ref framesHandled);

    internal void Dropped() => Interlocked.Increment(ref bytesDropped);

    internal void Corrupted() => Interlocked.Increment(ref bytesCorrupted);

    internal void Delayed() => Interlocked.Increment(ref bytesDelayed);

    internal void Garbled(long count) => Interlocked.Add(ref bytesGarbled, count);

    internal void Reset() => Interlocked.Increment(ref resets);

    internal void ChipBusy(TimeSpan duration) => Interlocked.Add(ref chipBusyTicks, duration.Ticks);

    internal void AnswerLost() => Interlocked.Increment(ref answersLost);
}
