using Wand.Protocol.Messages;

namespace Wand.Host.Client;

/// <summary>The wand's protocol version lacks a feature the request needs (an older minor version, BP-7).</summary>
/// <param name="message">What was asked and what the wand reported.</param>
/// <param name="missing">The feature bits the wand does not report.</param>
public sealed class FeatureNotSupportedException(string message, ProtocolFeatures missing) : WandHostException(message)
{
    /// <summary>Gets the feature bits the wand does not report.</summary>
    public ProtocolFeatures Missing { get; } = missing;
}
