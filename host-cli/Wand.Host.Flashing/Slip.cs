using System;
using System.Collections.Generic;

namespace Wand.Host.Flashing;

/// <summary>
/// SLIP framing as the ESP ROM loader uses it: every packet is <c>C0 … C0</c>; inside, <c>C0</c> is sent as
/// <c>DB DC</c> and <c>DB</c> as <c>DB DD</c> (esptool serial-protocol documentation, "Low Level Protocol").
/// </summary>
public static class Slip
{
    /// <summary>The frame delimiter.</summary>
    public const byte End = 0xC0;

    /// <summary>The escape byte.</summary>
    public const byte Escape = 0xDB;

    /// <summary>Follows <see cref="Escape"/> to stand for <see cref="End"/>.</summary>
    public const byte EscapedEnd = 0xDC;

    /// <summary>Follows <see cref="Escape"/> to stand for <see cref="Escape"/>.</summary>
    public const byte EscapedEscape = 0xDD;

    /// <summary>Frames a packet.</summary>
    /// <param name="packet">The unescaped packet bytes.</param>
    /// <returns>The bytes for the wire, delimiters included.</returns>
    public static byte[] Encode(ReadOnlySpan<byte> packet)
    {
        int length = packet.Length + 2;
        foreach (byte value in packet)
        {
            if (value is End or Escape)
            {
                length++;
            }
        }

        byte[] frame = new byte[length];
        int index = 0;
        frame[index++] = End;
        foreach (byte value in packet)
        {
            switch (value)
            {
                case End:
                    frame[index++] = Escape;
                    frame[index++] = EscapedEnd;
                    break;
                case Escape:
                    frame[index++] = Escape;
                    frame[index++] = EscapedEscape;
                    break;
                default:
                    frame[index++] = value;
                    break;
            }
        }

        frame[index] = End;
        return frame;
    }
}

/// <summary>
/// Reassembles SLIP frames from a byte stream. Bytes outside frames (boot messages, line noise) are kept in
/// <see cref="StrayBytes"/> so the caller can look for a boot log; a frame with a bad escape is dropped and counted.
/// Consecutive delimiters never produce empty frames: a delimiter right after another one is taken as an opening.
/// </summary>
public sealed class SlipDecoder
{
    private const int MaximumStrayBytes = 4096;
    private readonly List<byte> current = [];
    private readonly List<byte> stray = [];
    private bool inFrame;
    private bool escaping;
    private bool corrupt;

    /// <summary>Gets the number of frames dropped because of an invalid escape sequence.</summary>
    public int DroppedFrames { get; private set; }

    /// <summary>Gets up to the last 4 KiB of bytes seen outside frames.</summary>
    public IReadOnlyList<byte> StrayBytes => stray;

    /// <summary>Feeds received bytes and returns every frame they complete.</summary>
    /// <param name="data">Bytes from the line.</param>
    /// <param name="frames">Receives each completed frame's unescaped content.</param>
    public void Feed(ReadOnlySpan<byte> data, List<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        foreach (byte value in data)
        {
            if (!inFrame)
            {
                if (value == Slip.End)
                {
                    StartFrame();
                }
                else
                {
                    AddStray(value);
                }

                continue;
            }

            if (value == Slip.End)
            {
                if (current.Count > 0 || corrupt)
                {
                    if (corrupt || escaping)
                    {
                        DroppedFrames++;
                    }
                    else
                    {
                        frames.Add([.. current]);
                    }

                    // The closing delimiter ends the frame; bytes before the next delimiter are stray (boot text, noise).
                    inFrame = false;
                }

                continue;
            }

            if (escaping)
            {
                escaping = false;
                switch (value)
                {
                    case Slip.EscapedEnd:
                        current.Add(Slip.End);
                        break;
                    case Slip.EscapedEscape:
                        current.Add(Slip.Escape);
                        break;
                    default:
                        corrupt = true;
                        break;
                }
            }
            else if (value == Slip.Escape)
            {
                escaping = true;
            }
            else
            {
                current.Add(value);
            }
        }
    }

    /// <summary>Forgets any partial frame and the stray bytes.</summary>
    public void Reset()
    {
        inFrame = false;
        escaping = false;
        corrupt = false;
        current.Clear();
        stray.Clear();
    }

    private void StartFrame()
    {
        inFrame = true;
        escaping = false;
        corrupt = false;
        current.Clear();
    }

    private void AddStray(byte value)
    {
        if (stray.Count >= MaximumStrayBytes)
        {
            stray.RemoveRange(0, MaximumStrayBytes / 2);
        }

        stray.Add(value);
    }
}
