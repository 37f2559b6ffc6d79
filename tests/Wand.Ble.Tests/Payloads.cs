using System;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Ble.Tests;

/// <summary>Encodes and decodes the profile's payloads with the protocol library, for assertions.</summary>
public static class Payloads
{
    public static byte[] Command(Action<ControlPointCommand> set)
    {
        ControlPointCommand command = new();
        set(command);
        byte[] buffer = new byte[ControlPointCommand.MaximumLength];
        return buffer[..command.Encode(buffer, 0)];
    }

    public static StatusReport Status(byte[] value)
    {
        StatusReport report = new();
        AttError error = report.Decode(value, 0, value.Length);
        return error == AttError.Success ? report : throw new InvalidOperationException($"Status did not decode: {error}.");
    }

    public static ControlPointResponse Response(byte[] value)
    {
        ControlPointResponse response = new();
        AttError error = response.Decode(value, 0, value.Length);
        return error == AttError.Success ? response : throw new InvalidOperationException($"Response did not decode: {error}.");
    }
}
