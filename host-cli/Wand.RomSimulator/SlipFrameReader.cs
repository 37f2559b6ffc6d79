using System.Collections.Generic;

namespace Wand.RomSimulator;

/// <summary>The ROM side of SLIP: collects <c>C0 … C0</c> frames, undoing <c>DB DC</c> and <c>DB DD</c>; a bad escape spoils the frame.</summary>
internal sealed class SlipFrameReader
{
    private readonly List<byte> frame = [];
    private bool inFrame;
    private bool escape;
    private bool spoiled;

    public void Feed(byte value, List<byte[]> frames)
    {
        if (value == 0xC0)
        {
            if (inFrame && frame.Count > 0)
            {
                if (!spoiled && !escape)
                {
                    frames.Add([.. frame]);
                }

                inFrame = false;
            }
            else
            {
                inFrame = true;
            }

            frame.Clear();
            escape = false;
            spoiled = false;
            return;
        }

        if (!inFrame)
        {
            return;
        }

        if (escape)
        {
            escape = false;
            if (value == 0xDC)
            {
                frame.Add(0xC0);
            }
            else if (value == 0xDD)
            {
                frame.Add(0xDB);
            }
            else
            {
                spoiled = true;
            }
        }
        else if (value == 0xDB)
        {
            escape = true;
        }
        else
        {
            frame.Add(value);
        }
    }

    public void Reset()
    {
        frame.Clear();
        inFrame = false;
        escape = false;
        spoiled = false;
    }

    public static byte[] Encode(byte[] packet)
    {
        List<byte> bytes = new(packet.Length + 8) { 0xC0 };
        foreach (byte value in packet)
        {
            switch (value)
            {
                case 0xC0:
                    bytes.Add(0xDB);
                    bytes.Add(0xDC);
                    break;
                case 0xDB:
                    bytes.Add(0xDB);
                    bytes.Add(0xDD);
                    break;
                default:
                    bytes.Add(value);
                    break;
            }
        }

        bytes.Add(0xC0);
        return [.. bytes];
    }
}
