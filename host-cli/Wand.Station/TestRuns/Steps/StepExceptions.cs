namespace Wand.Host.TestRuns.Steps;

/// <summary>A step needs a virtual wand (world controls) but the unit is real hardware.</summary>
/// <param name="message">Which step and where.</param>
public sealed class VirtualWandRequiredException(string message) : WandHostException(message);

/// <summary>A step needs a station instrument the station does not have.</summary>
/// <param name="message">Which instrument.</param>
public sealed class StationInstrumentMissingException(string message) : WandHostException(message);
