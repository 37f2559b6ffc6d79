using System;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Instruments;

/// <summary>
/// A DMM measuring DC voltage: <c>CONF:VOLT:DC</c> once, then <c>READ?</c> per reading (SCPI-99 Volume 2 CONFigure and
/// READ; Keysight 34461A Operating and Service Guide, SCPI command reference).
/// </summary>
public sealed class DigitalMultimeter
{
    private readonly ScpiSession session;
    private bool configured;

    /// <summary>Initializes a new instance of the <see cref="DigitalMultimeter"/> class.</summary>
    /// <param name="session">The instrument.</param>
    public DigitalMultimeter(ScpiSession session)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
    }

    /// <summary>Reads a DC voltage, configuring the DMM on first use.</summary>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The voltage, in volts.</returns>
    public async Task<double> ReadDcVoltsAsync(CancellationToken cancellationToken)
    {
        if (!configured)
        {
            await session.CommandAsync("CONF:VOLT:DC", cancellationToken).ConfigureAwait(false);
            configured = true;
        }

        return await session.QueryNumberAsync("READ?", cancellationToken).ConfigureAwait(false);
    }
}
