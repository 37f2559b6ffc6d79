using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;

namespace Wand.BleBed.Peripheral;

/// <summary>A wand that takes a write's offset (the ATT Prepare Write offset of a long write) as its GATT server
/// does; a wand without it is given offset 0 writes only, and the peripheral answers others with 0x07.</summary>
public interface IOffsetWrites
{
    /// <summary>Writes a value at an offset.</summary>
    /// <param name="characteristic">The characteristic UUID.</param>
    /// <param name="value">The bytes written.</param>
    /// <param name="offset">The offset into the value, in bytes, 0 to 511.</param>
    /// <param name="kind">With or without response.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when the wand accepted the write.</returns>
    /// <exception cref="AttErrorException">The wand refused it; the code is the ATT error.</exception>
    Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, int offset, WriteKind kind, CancellationToken cancellationToken = default);
}
