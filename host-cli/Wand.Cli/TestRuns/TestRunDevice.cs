using System;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;

namespace Wand.Cli.TestRuns;

/// <summary>
/// Opens the link a test run uses. This build's test runs reach the in-process virtual wand (<c>sim</c>); the other
/// transports come with the shared link factory.
/// </summary>
internal static class TestRunDevice
{
    /// <summary>Opens a link (not yet connected).</summary>
    /// <param name="address">The --device value.</param>
    /// <returns>The link.</returns>
    /// <exception cref="InvalidDeviceAddressException">The address is not one test runs can reach.</exception>
    public static IWandLink Open(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Trim() == "sim")
        {
            return new SimulatedWandLink(new SimulatedWandOptions());
        }

        throw new InvalidDeviceAddressException($"'wand test run' reaches the in-process virtual wand ('sim') in this build; '{address}' is not available to test runs yet.");
    }
}
