using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links.Streams;
using Wand.Host.Serial;

namespace Wand.Host.Instruments;

/// <summary>
/// Opens an instrument's connection: <c>tcp://HOST[:PORT]</c> (raw socket, port 5025 by default: IANA service
/// <c>scpi-raw</c>, https://www.iana.org/assignments/service-names-port-numbers/) or <c>serial:/dev/ttyUSB0[@BAUD]</c>.
/// </summary>
public static class ScpiConnector
{
    /// <summary>The raw SCPI socket port (IANA <c>scpi-raw</c>).</summary>
    public const int RawSocketPort = 5025;

    /// <summary>Serial rate used when the address gives none, in bits per second.</summary>
    public const int DefaultBaudRate = 9600;

    /// <summary>Checks an instrument address.</summary>
    /// <param name="address">The address.</param>
    /// <returns><c>null</c> when valid, otherwise what is wrong.</returns>
    public static string? Check(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return SplitTcp(address) is null ? $"'{address}' must be tcp://HOST or tcp://HOST:PORT with a port from 1 to 65535." : null;
        }

        if (address.StartsWith("serial:", StringComparison.Ordinal))
        {
            return SplitSerial(address) is null ? $"'{address}' must be serial:/dev/PORT or serial:/dev/PORT@BAUD." : null;
        }

        return $"'{address}' must start with tcp:// (raw SCPI socket) or serial: (serial line).";
    }

    /// <summary>Opens a session with an instrument.</summary>
    /// <param name="name">The instrument's name in the station configuration.</param>
    /// <param name="address">Its address (checked with <see cref="Check"/>).</param>
    /// <param name="timeout">Longest wait for a connection and for each reply.</param>
    /// <param name="time">The clock timeouts run on; <c>null</c> for the system clock.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The open session.</returns>
    /// <exception cref="InstrumentException">The instrument cannot be reached.</exception>
    public static async Task<ScpiSession> OpenAsync(string name, string address, TimeSpan timeout, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        string? problem = Check(address);
        if (problem != null)
        {
            throw new InstrumentException(name, "connect", string.Empty, problem);
        }

        try
        {
            Stream stream;
            if (SplitTcp(address) is (string host, int port))
            {
                TcpClient client = new() { NoDelay = true };
                using CancellationTokenSource limit = new(timeout, time ?? TimeProvider.System);
                using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
                try
                {
                    await client.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    client.Dispose();
                    throw new InstrumentTimeoutException(name, "connect " + address, timeout.TotalMilliseconds);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }

                stream = client.GetStream();
            }
            else
            {
                (string path, int baud) = SplitSerial(address)!.Value;
                stream = new SerialPortStream(SerialPortOpener.Open(path, baud));
            }

            return new ScpiSession(name, address, stream, timeout, time);
        }
        catch (Exception error) when (error is SocketException or IOException or SerialPortException)
        {
            throw new InstrumentDisconnectedException(name, "connect " + address, error.Message);
        }
    }

    private static (string Host, int Port)? SplitTcp(string address)
    {
        string rest = address["tcp://".Length..];
        int colon = rest.LastIndexOf(':');
        if (colon < 0)
        {
            return rest.Length > 0 ? (rest, RawSocketPort) : null;
        }

        return colon > 0 && int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535
            ? (rest[..colon], port)
            : null;
    }

    private static (string Path, int Baud)? SplitSerial(string address)
    {
        string rest = address["serial:".Length..];
        int at = rest.LastIndexOf('@');
        if (at < 0)
        {
            return rest.Length > 0 ? (rest, DefaultBaudRate) : null;
        }

        return at > 0 && int.TryParse(rest[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int baud) && BaudRateRange.Contains(baud)
            ? (rest[..at], baud)
            : null;
    }
}
