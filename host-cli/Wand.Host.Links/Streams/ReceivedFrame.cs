using Wand.Protocol.Framing;

namespace Wand.Host.Links.Streams;

/// <summary>One decoded frame, copied out of the decoder's buffer.</summary>
/// <param name="Operation">The operation byte.</param>
/// <param name="Sequence">The sequence number, 0 to 255.</param>
/// <param name="Characteristic">The characteristic index, or <see cref="FrameFormat.NoCharacteristic"/>.</param>
/// <param name="Body">The body bytes.</param>
internal sealed record ReceivedFrame(FrameOperation Operation, int Sequence, int Characteristic, byte[] Body);
