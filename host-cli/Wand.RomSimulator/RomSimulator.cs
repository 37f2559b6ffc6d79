using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Wand.RomSimulator;

/// <summary>
/// A simulated ESP32 in download mode behind a pseudo-terminal or a TCP port on 127.0.0.1. Bytes pass through an
/// optional line model (10 bit times per byte at the ROM's current rate, each direction on its own clock; garbling
/// when the host's pty rate differs from the ROM's) and optional fault injection before reaching the ROM model.
/// </summary>
public sealed class RomSimulator : IDisposable
{
    private readonly RomSimulatorOptions options;
    private readonly LineImpairment line;
    private readonly List<Thread> threads = [];
    private readonly object modelGate = new();
    private volatile bool stopping;
    private TcpListener? listener;
    private ISimulatorChannel? activeChannel;
    private bool resetInjected;
    private long lineLag;

    /// <summary>Initializes a new instance of the <see cref="RomSimulator"/> class with erased flash.</summary>
    /// <param name="options">The chip and line description; defaults when <c>null</c>.</param>
    public RomSimulator(RomSimulatorOptions? options = null)
    {
        this.options = options ?? new RomSimulatorOptions();
        Flash = new SimulatedFlash(this.options.FlashSize);
        Model = new RomLoaderModel(this.options, Flash);
        line = new LineImpairment(this.options, Statistics, () => Model.BaudRate);
    }

    /// <summary>Gets the flash memory, to inspect after a test.</summary>
    public SimulatedFlash Flash { get; }

    /// <summary>Gets the ROM model.</summary>
    public RomLoaderModel Model { get; }

    /// <summary>Gets the line counters.</summary>
    public SimulatorStatistics Statistics { get; } = new();

    /// <summary>Starts serving on a new pseudo-terminal.</summary>
    /// <returns>The path the host opens, for example <c>/dev/pts/4</c>.</returns>
    public string ServePseudoTerminal()
    {
        PseudoTerminalChannel channel = new();
        Start(() => Serve(channel), "rom-sim-pty");
        return channel.SlavePath;
    }

    /// <summary>
    /// Resets the chip as its EN line would (RESET button, brown-out): the ROM starts over per the boot mode and prints
    /// its boot log at 115200 baud to the host.
    /// </summary>
    public void PressReset()
    {
        string log;
        lock (modelGate)
        {
            log = Model.Reset();
        }

        Statistics.Reset();
        if (activeChannel is ISimulatorChannel channel)
        {
            channel.Write(Encoding.ASCII.GetBytes(log));
        }
    }

    /// <summary>
    /// Starts serving on TCP, 127.0.0.1 only. Each new connection finds the chip freshly reset (per the boot mode) and
    /// receives its boot log first, as a host opening a port with a reset sequence would.
    /// </summary>
    /// <param name="port">The port, or 0 for any free one.</param>
    /// <returns>The bound port.</returns>
    public int ServeTcp(int port = 0)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Start(AcceptLoop, "rom-sim-tcp");
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        stopping = true;
        listener?.Stop();
        foreach (Thread thread in threads)
        {
            _ = thread.Join(TimeSpan.FromSeconds(2));
        }

        activeChannel?.Dispose();
        Model.Dispose();
    }

    private void Start(Action body, string name)
    {
        Thread thread = new(() => body()) { IsBackground = true, Name = name };
        threads.Add(thread);
        thread.Start();
    }

    private void AcceptLoop()
    {
        while (!stopping)
        {
            Socket socket;
            try
            {
                socket = listener!.AcceptSocket();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            string bootLog;
            lock (modelGate)
            {
                bootLog = Model.Reset();
            }

            using TcpChannel channel = new(socket);
            channel.Write(Encoding.ASCII.GetBytes(bootLog));
            Serve(channel);
        }
    }

    private void Serve(ISimulatorChannel channel)
    {
        activeChannel = channel;
        lineLag = 0;
        SlipFrameReader reader = new();
        List<byte[]> frames = [];
        byte[] buffer = new byte[65536];
        UartReceiveBacklog backlog = new();
        long receiveClock = 0;
        long transmitClock = 0;
        long idleBeforeFrame = 0;
        while (!stopping)
        {
            int count;
            long lineStart;
            if (backlog.Count > 0)
            {
                // Bytes that were on the line behind the previous request: they follow it without a gap.
                count = backlog.Take(buffer);
                lineStart = receiveClock;
            }
            else
            {
                count = channel.Read(buffer, 50);
                if (count < 0)
                {
                    break;
                }

                if (count == 0)
                {
                    continue;
                }

                long now = LineNow();
                Statistics.Received(count);
                if (options.LineTiming is not null)
                {
                    // Line time in which the chip had answered and nothing arrived: the client (or the machine running
                    // it) was still reacting. Charged to the request these bytes belong to.
                    idleBeforeFrame += Math.Max(0, now - Math.Max(receiveClock, transmitClock));
                }

                lineStart = Math.Max(now, receiveClock);
            }

            // The ROM reads one request, acts on it and answers before it reads on: bytes after the end of a frame wait
            // in the backlog until its answer has gone out.
            int fed = line.FeedUntilFrame(channel.HostBaudRate, reader, buffer.AsSpan(0, count), frames);
            backlog.PutBack(buffer.AsSpan(fed, count - fed));
            if (options.LineTiming is not null)
            {
                receiveClock = lineStart + ByteTime(fed);
            }

            if (frames.Count == 0)
            {
                continue;
            }

            if (options.LineTiming is not null)
            {
                // The frame is complete only once its last bit has arrived, and the answer cannot start before that:
                // the model handles the frame now and holds the answer back, which needs one wait instead of two.
                transmitClock = Math.Max(transmitClock, receiveClock + (long)(options.LineTiming.Turnaround.TotalSeconds * Stopwatch.Frequency));
            }

            foreach (byte[] frame in frames)
            {
                Statistics.Frame();
                bool dataBlock = IsDataBlock(frame);
                if (dataBlock)
                {
                    Statistics.DataBlockArrived(idleBeforeFrame);
                }
                else
                {
                    Statistics.OtherRequestArrived(idleBeforeFrame);
                }

                idleBeforeFrame = 0;
                transmitClock = HandleFrame(channel, frame, new FrameTiming(receiveClock, transmitClock, backlog), dataBlock);
            }

            frames.Clear();
        }
    }

    /// <summary>
    /// With the line model, once the chip is done with a request (called no earlier than <paramref name="resumeClock"/>
    /// and before the answer leaves): the bytes the host already sent (before it could have seen the answer) join the backlog, and of those that reached the UART while the chip was busy only the RX FIFO's
    /// worth survives (<see cref="UartReceiveBacklog.FifoBytes"/>); the rest overran it.
    /// </summary>
    private void ApplyReceiveOverrun(ISimulatorChannel channel, FrameTiming timing, long resumeClock)
    {
        Span<byte> scratch = stackalloc byte[4096];
        int count;
        while ((count = channel.Read(scratch, 0)) > 0)
        {
            Statistics.Received(count);
            timing.Backlog.Append(scratch[..count]);
        }

        long arrivedWhileBusy = Math.Min(timing.Backlog.Count, (resumeClock - timing.FrameEnd) / Math.Max(1, ByteTime(1)));
        int lost = timing.Backlog.Overrun((int)arrivedWhileBusy);
        if (lost > 0)
        {
            Statistics.Overrun(lost);
            Log($"UART RX FIFO overrun: {lost} bytes of the next request arrived while the chip was busy and were lost (the ROM reads the line only between requests; its FIFO holds {UartReceiveBacklog.FifoBytes} bytes).");
        }
    }

    /// <summary>Whether a request is a FLASH_DATA or FLASH_DEFL_DATA block (direction 0, opcode 0x03 or 0x11).</summary>
    private static bool IsDataBlock(byte[] frame) => frame.Length >= 2 && frame[0] == 0x00 && frame[1] is 0x03 or 0x11;

    private long HandleFrame(ISimulatorChannel channel, byte[] frame, FrameTiming timing, bool dataBlock)
    {
        long transmitClock = timing.TransmitClock;
        IReadOnlyList<byte[]> responses;
        int newBaudRate;
        TimeSpan busy;
        bool loseThisAnswer;
        lock (modelGate)
        {
            long acceptedBefore = Model.DataBlocksAccepted;
            (responses, newBaudRate) = Model.Handle(frame);
            busy = Model.LastBusy;
            loseThisAnswer = options.Faults is { LoseAnswerToDataBlock: > 0 } chosen && acceptedBefore < chosen.LoseAnswerToDataBlock && Model.DataBlocksAccepted >= chosen.LoseAnswerToDataBlock;
            if (options.Faults is { ResetAfterDataBlocks: > 0 } injection && !resetInjected && Model.DataBlocksAccepted >= injection.ResetAfterDataBlocks)
            {
                // The chip resets after writing the block but before answering: the host sees the boot banner.
                resetInjected = true;
                Statistics.Reset();
                string banner = Model.Reset();
                return Transmit(channel, Encoding.ASCII.GetBytes(banner), transmitClock, applyFaults: false);
            }
        }

        if (busy > TimeSpan.Zero)
        {
            // The chip works on the request (erase, program, MD5, inflate) before it answers. With the line model the
            // answer is scheduled that much later; without it the simulator waits.
            Statistics.ChipBusy(busy);
            if (options.LineTiming is not null)
            {
                transmitClock += (long)(busy.TotalSeconds * Stopwatch.Frequency);
            }
            else
            {
                PreciseDelay.Wait(busy);
            }
        }

        // With the line model the chip reads the line again when it is done: the first answer checks, just before it
        // leaves, what the host sent meanwhile (or, without an answer, a check of its own at that time).
        long resumeClock = transmitClock;
        bool overrunPending = options.LineTiming is not null && busy > TimeSpan.Zero;
        foreach (byte[] response in responses)
        {
            if (loseThisAnswer)
            {
                Statistics.AnswerLost();
                continue;
            }

            if (line.LosesAnswer())
            {
                Statistics.AnswerLost();
                continue;
            }

            Action? beforeSending = overrunPending ? () => ApplyReceiveOverrun(channel, timing, resumeClock) : null;
            overrunPending = false;
            transmitClock = Transmit(channel, SlipFrameReader.Encode(response), transmitClock, applyFaults: true, dataBlock, beforeSending);
        }

        if (overrunPending)
        {
            PreciseDelay.Until(resumeClock);
            ApplyReceiveOverrun(channel, timing, resumeClock);
        }

        if (newBaudRate > 0)
        {
            lock (modelGate)
            {
                Model.CommitBaudRate(newBaudRate);
            }
        }

        return transmitClock;
    }

    private long Transmit(ISimulatorChannel channel, byte[] bytes, long transmitClock, bool applyFaults, bool answersDataBlock = false, Action? beforeSending = null)
    {
        byte[] output = line.Outgoing(channel.HostBaudRate, bytes, applyFaults);

        if (options.LineTiming is not null)
        {
            // The answer starts once the line is free, the request has fully arrived and the chip is done; its last bit
            // lands after the bytes' own line time. This is the line clock alone: however late the simulator got here
            // (a loaded machine), the answer is due when the line and the chip would have delivered it. (A chip-side
            // turnaround can be modelled with LineTiming.Turnaround.)
            transmitClock += ByteTime(output.Length);
            PreciseDelay.Until(transmitClock);
            beforeSending?.Invoke();

            // How much later than its last bit the answer really leaves: the simulator's own scheduling delay on a busy
            // machine. The line clock runs that much behind the wall clock from here on, so the delay is not charged
            // to the client (its reaction still is, in full), and the next long wait absorbs it.
            lineLag = Math.Max(0, Stopwatch.GetTimestamp() - transmitClock);
            if (answersDataBlock)
            {
                Statistics.AnswerLate(lineLag);
            }
        }

        channel.Write(output);
        Statistics.Sent(output.Length);
        return transmitClock;
    }

    private void Log(string message) => options.Log?.Invoke(message);

    /// <summary>The line model's clock: the wall clock less the simulator's own delay in sending its last answer.</summary>
    private long LineNow() => Stopwatch.GetTimestamp() - lineLag;

    private long ByteTime(int bytes) => (long)(bytes * 10.0 * Stopwatch.Frequency / Model.BaudRate);

    /// <summary>Where the line stood when a request was complete.</summary>
    /// <param name="FrameEnd">When the request's last bit arrived (Stopwatch timestamp, line model).</param>
    /// <param name="TransmitClock">When the chip's transmitter is free again (Stopwatch timestamp, line model).</param>
    /// <param name="Backlog">Bytes received after the request and not yet read by the ROM.</param>
    private readonly record struct FrameTiming(long FrameEnd, long TransmitClock, UartReceiveBacklog Backlog);
}
