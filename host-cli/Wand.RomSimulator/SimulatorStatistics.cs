using System;
using System.Diagnostics;
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
    private long dataBlocks;
    private long bytesOverrun;
    private long dataBlockWaitTimestamp;
    private long answerLateTimestamp;
    private long otherRequestWaitTimestamp;

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

    /// <summary>Gets the request bytes lost because they reached the UART's RX FIFO while the chip was busy and it was full.</summary>
    public long BytesOverrun => Interlocked.Read(ref bytesOverrun);

    /// <summary>Gets the FLASH_DATA and FLASH_DEFL_DATA requests received.</summary>
    public long DataBlocks => Interlocked.Read(ref dataBlocks);

    /// <summary>
    /// Gets, with the line model on, the line time before data-block requests in which the chip had answered the previous
    /// request and no byte of the next one had arrived: the client's reaction time per block (from the moment the answer
    /// really left, so <see cref="DataBlockAnswerLateness"/> is not in it), plus the simulator's delay in reading.
    /// </summary>
    public TimeSpan DataBlockWait => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref dataBlockWaitTimestamp));

    /// <summary>
    /// Gets, with the line model on, the line time before requests other than data blocks in which the chip had answered
    /// and nothing arrived (the client preparing the next download, the time before the first request, pauses between
    /// connections).
    /// </summary>
    public TimeSpan OtherRequestWait => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref otherRequestWaitTimestamp));

    /// <summary>
    /// Gets, with the line model on, how much later than the line model's schedule the answers to data blocks actually
    /// left (thread wake-up delays on a loaded machine). The line clock is held back by each such delay, so it is not
    /// charged to the client as line time; this shows how much the machine disturbed the simulation.
    /// </summary>
    public TimeSpan DataBlockAnswerLateness => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref answerLateTimestamp));

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

    internal void Overrun(long count) => Interlocked.Add(ref bytesOverrun, count);

    /// <summary>Counts a data block and the idle line time before it.</summary>
    /// <param name="idleTimestampTicks">Idle time in <see cref="Stopwatch"/> ticks.</param>
    internal void DataBlockArrived(long idleTimestampTicks)
    {
        Interlocked.Increment(ref dataBlocks);
        Interlocked.Add(ref dataBlockWaitTimestamp, Math.Max(0, idleTimestampTicks));
    }

    /// <summary>Adds the idle line time before a request that is not a data block.</summary>
    /// <param name="idleTimestampTicks">Idle time in <see cref="Stopwatch"/> ticks.</param>
    internal void OtherRequestArrived(long idleTimestampTicks) => Interlocked.Add(ref otherRequestWaitTimestamp, Math.Max(0, idleTimestampTicks));

    /// <summary>Adds the delay of one answer behind its schedule.</summary>
    /// <param name="lateTimestampTicks">Delay in <see cref="Stopwatch"/> ticks.</param>
    internal void AnswerLate(long lateTimestampTicks) => Interlocked.Add(ref answerLateTimestamp, Math.Max(0, lateTimestampTicks));
}
