using System;
using Wand.Host.Links;

namespace Wand.Cli.TestRuns;

/// <summary>Opens the link a test run uses, through the CLI's link factory (every transport of HC-1).</summary>
internal static class TestRunDevice
{
    /// <summary>Opens a link (not yet connected).</summary>
    /// <param name="address">The --device value.</param>
    /// <returns>The link.</returns>
    /// <exception cref="InvalidDeviceAddressException">The address is malformed.</exception>
    public static IWandLink Open(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return DeviceSession.CreateFactory().Create(address);
    }
}
