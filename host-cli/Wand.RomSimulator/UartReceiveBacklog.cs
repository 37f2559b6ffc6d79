using System;
using System.Collections.Generic;

namespace Wand.RomSimulator;

/// <summary>
/// Bytes that reached the chip's UART but that the ROM has not read yet, because it was still acting on the previous
/// request. The ROM loader answers a request before it reads the next one (esptool <c>loader.py</c> <c>command()</c>
/// waits for every answer, and for ROM data blocks "ROM code writes block to flash before ACKing", <c>cmds.py</c>); what
/// buffers the line meanwhile is the UART's RX FIFO, 128 bytes per UART by default (ESP32 Technical Reference Manual,
/// UART Controller: the 1024-byte FIFO RAM is shared as 128 bytes per FIFO). Whether the ROM drains it into a larger
/// buffer while it erases or programs is not published, so the model assumes it does not: what arrives beyond the FIFO
/// while the chip is busy is lost, as an RX FIFO overrun loses it.
/// </summary>
internal sealed class UartReceiveBacklog
{
    /// <summary>The ESP32 UART RX FIFO depth, bytes.</summary>
    public const int FifoBytes = 128;

    private readonly List<byte> bytes = [];

    /// <summary>Gets the bytes waiting.</summary>
    public int Count => bytes.Count;

    /// <summary>Adds bytes received from the host after those already waiting.</summary>
    /// <param name="data">The bytes.</param>
    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (byte value in data)
        {
            bytes.Add(value);
        }
    }

    /// <summary>Puts bytes that were read but not consumed back in front of those waiting.</summary>
    /// <param name="data">The bytes, in line order.</param>
    public void PutBack(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            bytes.InsertRange(0, data.ToArray());
        }
    }

    /// <summary>Moves waiting bytes into a buffer, oldest first.</summary>
    /// <param name="destination">The buffer.</param>
    /// <returns>Bytes moved.</returns>
    public int Take(Span<byte> destination)
    {
        int count = Math.Min(destination.Length, bytes.Count);
        for (int index = 0; index < count; index++)
        {
            destination[index] = bytes[index];
        }

        bytes.RemoveRange(0, count);
        return count;
    }

    /// <summary>
    /// Drops what overflowed the FIFO: of the first <paramref name="arrivedWhileBusy"/> waiting bytes (those that
    /// reached the UART before the ROM read again), all after the first <see cref="FifoBytes"/>.
    /// </summary>
    /// <param name="arrivedWhileBusy">How many of the waiting bytes arrived while the chip was busy.</param>
    /// <returns>Bytes lost.</returns>
    public int Overrun(int arrivedWhileBusy)
    {
        int lost = Math.Min(bytes.Count, arrivedWhileBusy) - FifoBytes;
        if (lost <= 0)
        {
            return 0;
        }

        bytes.RemoveRange(FifoBytes, lost);
        return lost;
    }
}
