using System;
using System.Buffers.Binary;

namespace Wand.Host.Links.Streams;

/// <summary>
/// How a served virtual wand tells a client that another client holds it (PROFILE.md §11): a link-control Connect is
/// answered with result <see cref="BusyResult"/> and a longer body, <c>command u8, result u8, flags u8, position u8,
/// held-for u16 (seconds, little-endian)</c>. The client stays queued until it leaves; every request it sends while
/// queued is answered <see cref="BusyResult"/> and never reaches the wand.
/// </summary>
public static class ServedWandBusy
{
    /// <summary>The busy result: ATT error 0x11 Insufficient Resources (Bluetooth Core Specification Vol 3 Part F §3.4.1.1).</summary>
    public const byte BusyResult = 0x11;

    /// <summary>The body length of a busy Connect answer, in bytes.</summary>
    public const int BusyBodyLength = 6;

    /// <summary>Writes the queue details after the three bytes of a link-control response body.</summary>
    /// <param name="body">The body, at least <see cref="BusyBodyLength"/> bytes.</param>
    /// <param name="position">The client's place in the queue, 1 for next.</param>
    /// <param name="heldFor">How long the current holder has held the wand.</param>
    public static void WriteDetails(Span<byte> body, int position, TimeSpan heldFor)
    {
        body[3] = (byte)Math.Clamp(position, 1, 255);
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], (ushort)Math.Clamp(heldFor.TotalSeconds, 0, ushort.MaxValue));
    }

    /// <summary>Describes a busy Connect answer for a message.</summary>
    /// <param name="address">The address connected to.</param>
    /// <param name="body">The answer's body.</param>
    /// <returns>The message.</returns>
    public static string Describe(string address, ReadOnlySpan<byte> body)
    {
        if (body.Length < BusyBodyLength)
        {
            return $"{address} is busy: another client holds the wand; you were queued.";
        }

        int position = body[3];
        int heldSeconds = BinaryPrimitives.ReadUInt16LittleEndian(body[4..]);
        string place = position == 1 ? "next in the queue" : $"number {position} in the queue";
        return $"{address} is busy: another client has held the wand for {heldSeconds} s; you were {place}. A holder that stays silent while others wait is dropped after its idle timeout.";
    }
}
