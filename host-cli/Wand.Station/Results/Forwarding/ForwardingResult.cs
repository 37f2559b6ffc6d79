namespace Wand.Host.Results.Forwarding;

/// <summary>What one forwarding pass did.</summary>
/// <param name="Forwarded">The runs handed on to the line database in this pass.</param>
/// <param name="Pending">The runs still waiting, 0 when everything is forwarded.</param>
/// <param name="Failure">Why the pass stopped early (the line database unreachable), or null.</param>
public sealed record ForwardingResult(int Forwarded, int Pending, string? Failure);
