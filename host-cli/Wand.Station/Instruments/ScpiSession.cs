using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Instruments;

/// <summary>
/// One SCPI instrument on a byte stream (raw TCP on port 5025 or a serial line): program messages end in a newline
/// (IEEE 488.2 §7.5 message terminator, as SCPI-99 uses it), every command is followed by <c>SYST:ERR?</c> (SCPI-99
/// Volume 2 §21.8: the error queue answers <c>0,"No error"</c> when empty), and every wait has a time limit.
/// Sources: SCPI-99, IVI Foundation, https://www.ivifoundation.org/; Keysight E36xx, Rigol DP800 and Siglent SPD
/// programming guides (each accepts <c>SYST:ERR?</c> with this reply form).
/// </summary>
public sealed class ScpiSession : IAsyncDisposable
{
    private readonly Stream stream;
    private readonly TimeProvider time;
    private readonly TimeSpan timeout;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly byte[] buffer = new byte[512];
    private readonly StringBuilder pending = new();

    /// <summary>Initializes a new instance of the <see cref="ScpiSession"/> class.</summary>
    /// <param name="name">The instrument's name in the station configuration.</param>
    /// <param name="address">Where it is, for records.</param>
    /// <param name="stream">The open connection; the session owns it.</param>
    /// <param name="timeout">Longest wait for one reply.</param>
    /// <param name="time">The clock timeouts run on; <c>null</c> for the system clock.</param>
    public ScpiSession(string name, string address, Stream stream, TimeSpan timeout, TimeProvider? time = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Address = address ?? throw new ArgumentNullException(nameof(address));
        this.stream = stream ?? throw new ArgumentNullException(nameof(stream));
        this.timeout = timeout;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Gets the instrument's name in the station configuration.</summary>
    public string Name { get; }

    /// <summary>Gets the instrument's address.</summary>
    public string Address { get; }

    /// <summary>Sends a command that has no reply, then checks the error queue.</summary>
    /// <param name="command">The command, for example <c>VOLT 3.9</c>.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>A task that completes when the instrument accepted the command.</returns>
    /// <exception cref="InstrumentException">The instrument reported an error, timed out or went away.</exception>
    public async Task CommandAsync(string command, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(command, command, cancellationToken).ConfigureAwait(false);
            await CheckErrorQueueAsync(command, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends a query, reads its reply, then checks the error queue.</summary>
    /// <param name="query">The query, for example <c>MEAS:CURR?</c>.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The reply, without its terminator.</returns>
    /// <exception cref="InstrumentException">The instrument reported an error, timed out or went away.</exception>
    public async Task<string> QueryAsync(string query, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteAsync(query, query, cancellationToken).ConfigureAwait(false);
            string reply = await ReadLineAsync(query, cancellationToken).ConfigureAwait(false);
            await CheckErrorQueueAsync(query, cancellationToken).ConfigureAwait(false);
            return reply;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends a query whose reply is one number (NR1, NR2 or NR3) and reads it.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The number.</returns>
    /// <exception cref="InstrumentException">The instrument failed or the reply is not a number.</exception>
    public async Task<double> QueryNumberAsync(string query, CancellationToken cancellationToken)
    {
        string reply = await QueryAsync(query, cancellationToken).ConfigureAwait(false);
        return double.TryParse(reply.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new InstrumentException(Name, query, reply, $"Instrument '{Name}' answered '{query}' with '{reply}', which is not a number.");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }

    private async Task CheckErrorQueueAsync(string command, CancellationToken cancellationToken)
    {
        const string ErrorQuery = "SYST:ERR?";
        await WriteAsync(ErrorQuery, command, cancellationToken).ConfigureAwait(false);
        string reply = await ReadLineAsync(command, cancellationToken).ConfigureAwait(false);
        int comma = reply.IndexOf(',', StringComparison.Ordinal);
        string code = (comma < 0 ? reply : reply[..comma]).Trim();
        if (!int.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) || number != 0)
        {
            throw new InstrumentErrorException(Name, command, reply);
        }
    }

    private async Task WriteAsync(string text, string command, CancellationToken cancellationToken)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text + "\n");
        try
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
            throw new InstrumentDisconnectedException(Name, command, error.Message);
        }
    }

    private async Task<string> ReadLineAsync(string command, CancellationToken cancellationToken)
    {
        using CancellationTokenSource limit = new(timeout, time);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        while (true)
        {
            string text = pending.ToString();
            int newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline >= 0)
            {
                pending.Remove(0, newline + 1);
                return text[..newline].TrimEnd('\r');
            }

            int count;
            try
            {
                count = await stream.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new InstrumentTimeoutException(Name, command, timeout.TotalMilliseconds);
            }
            catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
            {
                throw new InstrumentDisconnectedException(Name, command, error.Message);
            }

            if (count == 0)
            {
                throw new InstrumentDisconnectedException(Name, command, "the connection closed");
            }

            pending.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }
    }
}
