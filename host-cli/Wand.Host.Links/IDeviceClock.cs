using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Links;

/// <summary>
/// The clock of a served virtual wand as the wand itself reports it, so a station measures device time exactly over a
/// link instead of counting the time it asked to pass.
/// </summary>
public interface IDeviceClock
{
    /// <summary>Gets the device time the wand reported with its last answer, in milliseconds since boot, or <c>null</c> before any.</summary>
    long? LastReportedMilliseconds { get; }

    /// <summary>Asks the wand for its clock.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The device time, in milliseconds since boot.</returns>
    Task<long> ReadMillisecondsAsync(CancellationToken cancellationToken = default);
}
