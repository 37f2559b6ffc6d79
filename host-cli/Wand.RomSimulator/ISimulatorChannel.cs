using System;

namespace Wand.RomSimulator;

/// <summary>The chip side of a byte pipe to the host.</summary>
internal interface ISimulatorChannel : IDisposable
{
    /// <summary>Reads available bytes, waiting up to the timeout.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="timeoutMilliseconds">Longest wait.</param>
    /// <returns>Bytes read; 0 on timeout; -1 when the host side closed for good.</returns>
    int Read(Span<byte> buffer, int timeoutMilliseconds);

    /// <summary>Writes bytes to the host.</summary>
    /// <param name="data">The bytes.</param>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Gets the rate the host configured on its end, or <c>null</c> when the channel cannot tell (TCP).</summary>
    int? HostBaudRate { get; }
}
