using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.DBus;

/// <summary>
/// The client side of the D-Bus SASL handshake with the EXTERNAL mechanism: a NUL byte, <c>AUTH EXTERNAL
/// &lt;hex of the decimal uid&gt;</c>, the server's <c>OK &lt;guid&gt;</c>, then <c>BEGIN</c>. Source: D-Bus
/// specification, "Authentication Protocol".
/// </summary>
internal static class SaslExternal
{
    /// <summary>Runs the handshake.</summary>
    /// <param name="stream">The freshly connected stream.</param>
    /// <param name="userId">The effective uid the server will see through the socket credentials.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The server's GUID.</returns>
    public static async Task<string> AuthenticateAsync(Stream stream, uint userId, CancellationToken cancellationToken)
    {
        string command = "AUTH EXTERNAL " + HexOfDecimal(userId) + "\r\n";
        byte[] first = new byte[1 + command.Length];
        Encoding.ASCII.GetBytes(command, first.AsSpan(1));
        await stream.WriteAsync(first, cancellationToken).ConfigureAwait(false);
        string reply = await ReadLineAsync(stream, cancellationToken).ConfigureAwait(false);
        if (!reply.StartsWith("OK ", StringComparison.Ordinal))
        {
            throw new DBusConnectionException($"The bus refused EXTERNAL authentication for uid {userId}: '{reply}'.");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes("BEGIN\r\n"), cancellationToken).ConfigureAwait(false);
        return reply[3..].Trim();
    }

    /// <summary>Encodes a uid as the hex of its ASCII decimal digits (uid 0 → <c>30</c>, 1000 → <c>31303030</c>).</summary>
    /// <param name="userId">The uid.</param>
    /// <returns>The hex text.</returns>
    internal static string HexOfDecimal(uint userId) =>
        Convert.ToHexString(Encoding.ASCII.GetBytes(userId.ToString(CultureInfo.InvariantCulture))).ToLowerInvariant();

    /// <summary>Reads the effective uid of this process from <c>/proc/self/status</c>.</summary>
    /// <returns>The uid.</returns>
    internal static uint EffectiveUserId()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                string[] parts = line[4..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return uint.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        throw new DBusConnectionException("The effective user id is not in /proc/self/status.");
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        StringBuilder line = new();
        byte[] one = new byte[1];
        while (line.Length < 4096)
        {
            int read = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new DBusConnectionException("The bus closed the connection during authentication.");
            }

            if (one[0] == '\n' && line.Length > 0 && line[^1] == '\r')
            {
                return line.ToString(0, line.Length - 1);
            }

            line.Append((char)one[0]);
        }

        throw new DBusConnectionException("The bus sent an authentication line longer than 4096 bytes.");
    }
}
