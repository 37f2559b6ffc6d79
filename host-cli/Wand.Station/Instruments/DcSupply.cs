using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Instruments;

/// <summary>How a DC supply selects its output and switches it.</summary>
public enum SupplyDialect
{
    /// <summary>SCPI-99 as Keysight E36xx and Rigol DP800 accept: <c>INST:NSEL n</c>, <c>OUTP ON|OFF</c>, <c>MEAS:CURR?</c>.</summary>
    Scpi,

    /// <summary>
    /// Siglent SPD3303X/X-E: <c>INST CHn</c>, <c>OUTP CHn,ON|OFF</c>, <c>MEAS:CURR? CHn</c>; <c>VOLT</c> and <c>CURR</c> on the
    /// selected channel (Siglent SPD3303X/X-E Programming Guide: INSTrument, OUTPut, MEASure and SOURce commands;
    /// https://www.siglent.com/ , documents for the SPD3000X series).
    /// </summary>
    Siglent,
}

/// <summary>
/// A programmable DC supply as the battery emulator, through the SCPI commands Keysight E36xx, Rigol DP800 and Siglent
/// SPD supplies share: <c>VOLT</c>, <c>CURR</c>, <c>OUTP ON|OFF</c>, <c>MEAS:VOLT?</c>, <c>MEAS:CURR?</c> (SCPI-99
/// Volume 2 SOURce:VOLTage, SOURce:CURRent, OUTPut and MEASure subsystems; Keysight E36300 Series Programming Guide;
/// Rigol DP800 Programming Guide; Siglent SPD3303X Programming Guide). A multi-channel supply is addressed by
/// selecting the channel first (<c>INST:NSEL n</c>, SCPI-99 INSTrument subsystem).
/// </summary>
public sealed class DcSupply
{
    private readonly ScpiSession session;
    private readonly int? channel;
    private readonly SupplyDialect dialect;

    /// <summary>Initializes a new instance of the <see cref="DcSupply"/> class.</summary>
    /// <param name="session">The instrument.</param>
    /// <param name="channel">The output, 1 to 4 on a multi-channel supply; <c>null</c> on a single-output one (a Siglent supply then uses CH1).</param>
    /// <param name="dialect">How the supply selects and switches outputs.</param>
    public DcSupply(ScpiSession session, int? channel = null, SupplyDialect dialect = SupplyDialect.Scpi)
    {
        this.session = session ?? throw new ArgumentNullException(nameof(session));
        this.channel = channel;
        this.dialect = dialect;
    }

    private string ChannelName => string.Create(CultureInfo.InvariantCulture, $"CH{channel ?? 1}");

    /// <summary>Sets voltage and current limit and turns the output on.</summary>
    /// <param name="volts">Output voltage, in volts, 0 or more.</param>
    /// <param name="currentLimitAmperes">Current limit, in amperes, or <c>null</c> to keep the instrument's.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>A task that completes when the supply accepted all commands.</returns>
    public async Task SetAsync(double volts, double? currentLimitAmperes, CancellationToken cancellationToken)
    {
        await SelectAsync(cancellationToken).ConfigureAwait(false);
        await session.CommandAsync(string.Create(CultureInfo.InvariantCulture, $"VOLT {volts:0.000}"), cancellationToken).ConfigureAwait(false);
        if (currentLimitAmperes is double amperes)
        {
            await session.CommandAsync(string.Create(CultureInfo.InvariantCulture, $"CURR {amperes:0.000}"), cancellationToken).ConfigureAwait(false);
        }

        await session.CommandAsync(Output(true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns the output off.</summary>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>A task that completes when done.</returns>
    public async Task OffAsync(CancellationToken cancellationToken)
    {
        await SelectAsync(cancellationToken).ConfigureAwait(false);
        await session.CommandAsync(Output(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns the output on with the settings it has.</summary>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>A task that completes when done.</returns>
    public async Task OnAsync(CancellationToken cancellationToken)
    {
        await SelectAsync(cancellationToken).ConfigureAwait(false);
        await session.CommandAsync(Output(true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Measures the output voltage.</summary>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The voltage, in volts.</returns>
    public async Task<double> MeasureVoltsAsync(CancellationToken cancellationToken)
    {
        await SelectAsync(cancellationToken).ConfigureAwait(false);
        return await session.QueryNumberAsync(dialect == SupplyDialect.Siglent ? "MEAS:VOLT? " + ChannelName : "MEAS:VOLT?", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Measures the output current.</summary>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The current, in amperes.</returns>
    public async Task<double> MeasureAmperesAsync(CancellationToken cancellationToken)
    {
        await SelectAsync(cancellationToken).ConfigureAwait(false);
        return await session.QueryNumberAsync(dialect == SupplyDialect.Siglent ? "MEAS:CURR? " + ChannelName : "MEAS:CURR?", cancellationToken).ConfigureAwait(false);
    }

    private string Output(bool on) => dialect == SupplyDialect.Siglent
        ? $"OUTP {ChannelName},{(on ? "ON" : "OFF")}"
        : on ? "OUTP ON" : "OUTP OFF";

    private Task SelectAsync(CancellationToken cancellationToken) => dialect == SupplyDialect.Siglent
        ? session.CommandAsync("INST " + ChannelName, cancellationToken)
        : channel is int number
            ? session.CommandAsync(string.Create(CultureInfo.InvariantCulture, $"INST:NSEL {number}"), cancellationToken)
            : Task.CompletedTask;
}
