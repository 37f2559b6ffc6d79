using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Fixture;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.Instruments;

/// <summary>
/// A station's instruments, connected and identified: opens each configured instrument, records its <c>*IDN?</c>
/// (IEEE 488.2 §10.14), and gives the fixture actions the configuration maps.
/// </summary>
public sealed class StationInstruments : IAsyncDisposable
{
    private readonly Dictionary<string, ScpiSession> sessions;
    private readonly Dictionary<string, JigAccelerometer> jigs;

    private StationInstruments(Dictionary<string, ScpiSession> sessions, Dictionary<string, JigAccelerometer> jigs, IReadOnlyList<InstrumentRecord> identities, IFixtureActions actions)
    {
        this.sessions = sessions;
        this.jigs = jigs;
        Identities = identities;
        Actions = actions;
    }

    /// <summary>Gets each instrument with the identity it gave, for the run record.</summary>
    public IReadOnlyList<InstrumentRecord> Identities { get; }

    /// <summary>Gets the fixture actions as the configuration maps them.</summary>
    public IFixtureActions Actions { get; }

    /// <summary>Gets the jig accelerometers by name, for calibration through the station's vibration sensor.</summary>
    public IReadOnlyDictionary<string, JigAccelerometer> Jigs => jigs;

    /// <summary>Connects to and identifies every configured instrument.</summary>
    /// <param name="configuration">The station configuration.</param>
    /// <param name="virtualWorld">The virtual world for actions mapped to <c>virtual</c>, or <c>null</c>.</param>
    /// <param name="time">The clock for timeouts and button presses; <c>null</c> for the system clock.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The connected instruments.</returns>
    /// <exception cref="InstrumentException">An instrument cannot be reached or fails to identify itself.</exception>
    public static async Task<StationInstruments> OpenAsync(StationConfiguration configuration, IFixtureActions? virtualWorld, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Dictionary<string, ScpiSession> sessions = new(StringComparer.Ordinal);
        Dictionary<string, JigAccelerometer> jigs = new(StringComparer.Ordinal);
        List<InstrumentRecord> identities = [];
        try
        {
            foreach (InstrumentConfiguration instrument in configuration.Instruments.Values)
            {
                if (instrument.Kind == InstrumentKind.JigAccelerometer)
                {
                    JigAccelerometer jig = await JigAccelerometer.OpenAsync(instrument.Name, instrument.Address, cancellationToken, instrument.ReplyMarginMilliseconds ?? Calibration.Jig.JigVibrationSensor.ReplyMarginMilliseconds).ConfigureAwait(false);
                    jigs.Add(instrument.Name, jig);
                    identities.Add(new InstrumentRecord { Name = instrument.Name, Address = instrument.Address, Identity = jig.Identity });
                    continue;
                }

                ScpiSession session = await ScpiConnector.OpenAsync(instrument.Name, instrument.Address, configuration.Timeout, time, cancellationToken).ConfigureAwait(false);
                sessions.Add(instrument.Name, session);
                string identity = await session.QueryAsync("*IDN?", cancellationToken).ConfigureAwait(false);
                identities.Add(new InstrumentRecord { Name = instrument.Name, Address = instrument.Address, Identity = identity.Trim() });
            }
        }
        catch
        {
            foreach (ScpiSession session in sessions.Values)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }

            foreach (JigAccelerometer jig in jigs.Values)
            {
                await jig.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new StationInstruments(sessions, jigs, identities, new InstrumentFixtureActions(configuration, sessions, virtualWorld, time, jigs));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (ScpiSession session in sessions.Values)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        foreach (JigAccelerometer jig in jigs.Values)
        {
            await jig.DisposeAsync().ConfigureAwait(false);
        }
    }
}
