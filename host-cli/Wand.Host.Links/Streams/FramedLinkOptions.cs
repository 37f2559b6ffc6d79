using System;

namespace Wand.Host.Links.Streams;

/// <summary>Timeouts and limits of a <see cref="FramedStreamLink"/>.</summary>
public sealed record FramedLinkOptions
{
    /// <summary>Gets how long opening the stream and the link-control Connect may take (default 3 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Gets how long a request waits for its answer (default 2 s). A request that times out takes the link down, as an
    /// ATT transaction timeout does on BLE.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets a value indicating whether Connect asks for an encrypted, bonded link (default <c>true</c>).</summary>
    public bool RequestEncryption { get; init; } = true;

    /// <summary>
    /// Gets how many bytes may arrive without one valid frame before the peer is declared not to speak the framing
    /// (default 4096).
    /// </summary>
    public int GarbageLimitBytes { get; init; } = 4096;
}
