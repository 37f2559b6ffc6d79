using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Instruments;

/// <summary>
/// A relay or switch unit: <c>ROUT:CLOS (@101)</c> and <c>ROUT:OPEN (@101,102)</c> with SCPI channel lists (SCPI-99
/// Volume 2 ROUTe subsystem; Keysight 34970A/DAQ970A programming reference).
/// </summary>
public sealed class SwitchUnit
{
    private readonly ScpiSession session;

    /// <summary>Initializes a new instance of the <see cref="SwitchUnit"/> class.</summary>
    /// <param name="session">The instrument.</param>
    public SwitchUnit(ScpiSession session)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
    }

    /// <summary>Closes channels.</summary>
    /// <param name="channels">Channel numbers, for example 101.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>A task that completes when the switch accepted the command.</returns>
    public Task CloseAsync(IEnumerable<int> channels, CancellationToken cancellationToken) => SendAsync("ROUT:CLOS", channels, cancellationToken);

    /// <summary>Opens channels.</summary>
    /// <param name="channels">Channel numbers.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>A task that completes when the switch accepted the command.</returns>
    public Task OpenAsync(IEnumerable<int> channels, CancellationToken cancellationToken) => SendAsync("ROUT:OPEN", channels, cancellationToken);

    private Task SendAsync(string header, IEnumerable<int> channels, CancellationToken cancellationToken)
    {
        List<int> list = [.. channels];
        return list.Count == 0
            ? Task.CompletedTask
            : session.CommandAsync(header + " (@" + string.Join(",", list.Select(channel => channel.ToString(CultureInfo.InvariantCulture))) + ")", cancellationToken);
    }
}
