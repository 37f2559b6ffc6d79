using System;
using System.Buffers.Binary;

namespace Wand.Host.Flashing;

/// <summary>
/// A response packet (chip → host): direction 1, echoed opcode, size, value, then data and status bytes. The size
/// field is unreliable (it differs between ROM and stubs), so the frame length is used instead (serial protocol,
/// "Response Packet", https://docs.espressif.com/projects/esptool/en/latest/esp32/advanced-topics/serial-protocol.html; https://github.com/espressif/esptool/issues/294).
/// </summary>
public sealed class RomResponse
{
    private RomResponse(byte command, uint value, byte[] body)
    {
        Command = command;
        Value = value;
        Body = body;
    }

    /// <summary>Gets the echoed opcode.</summary>
    public byte Command { get; }

    /// <summary>Gets the value field: the register for READ_REG, not meaningful otherwise.</summary>
    public uint Value { get; }

    /// <summary>Gets everything after the 8-byte header: payload then status bytes.</summary>
    public byte[] Body { get; }

    /// <summary>Parses a frame that has at least a header and direction byte 1.</summary>
    /// <param name="frame">The unescaped frame.</param>
    /// <param name="response">The parsed response.</param>
    /// <returns><c>false</c> for frames shorter than 8 bytes or not marked as responses.</returns>
    public static bool TryParse(ReadOnlySpan<byte> frame, out RomResponse? response)
    {
        response = null;
        if (frame.Length < 8 || frame[0] != 0x01)
        {
            return false;
        }

        response = new RomResponse(frame[1], BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]), frame[8..].ToArray());
        return true;
    }

    /// <summary>
    /// Reads the two status bytes right after <paramref name="expectedDataLength"/> payload bytes (the esptool v5
    /// rule, which works for the ROM's 4 status bytes and a stub's 2). A short frame is read from its start.
    /// </summary>
    /// <param name="expectedDataLength">The payload length the command returns: 0, or 32 for ROM MD5.</param>
    /// <param name="failed">Whether the first status byte is non-zero.</param>
    /// <param name="errorCode">The second status byte (the ROM error code).</param>
    /// <returns><c>false</c> when the frame is too short to hold two status bytes.</returns>
    public bool TryReadStatus(int expectedDataLength, out bool failed, out byte errorCode)
    {
        int offset = Body.Length >= expectedDataLength + 2 ? expectedDataLength : 0;
        if (Body.Length < offset + 2)
        {
            failed = true;
            errorCode = 0;
            return false;
        }

        failed = Body[offset] != 0;
        errorCode = Body[offset + 1];
        return true;
    }
}
