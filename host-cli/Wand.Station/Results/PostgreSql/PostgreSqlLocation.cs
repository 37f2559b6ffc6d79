using System;
using Npgsql;

namespace Wand.Host.Results.PostgreSql;

/// <summary>
/// Reads a libpq connection URI, <c>postgresql://[user[:password]@][host][:port][/database][?parameter=value&amp;…]</c>
/// (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS), into Npgsql settings. A host that
/// starts with <c>/</c> (percent-encoded in the authority, or as <c>?host=/dir</c>) is the folder of a Unix socket.
/// </summary>
internal static class PostgreSqlLocation
{
    /// <summary>Tells whether a results location names a PostgreSQL server.</summary>
    /// <param name="location">The location.</param>
    /// <returns><see langword="true"/> for <c>postgresql://</c> and <c>postgres://</c> URIs.</returns>
    public static bool IsServer(string location)
        => location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a URI into connection settings.</summary>
    /// <param name="location">The URI.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ResultsStoreException">The URI is malformed or has an unknown parameter.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string location)
    {
        string rest = location[(location.IndexOf("://", StringComparison.Ordinal) + 3)..];
        string query = string.Empty;
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        string authority = slash >= 0 ? rest[..slash] : rest;
        string database = slash >= 0 ? Uri.UnescapeDataString(rest[(slash + 1)..]) : string.Empty;
        NpgsqlConnectionStringBuilder settings = new() { Pooling = true, Timeout = 5, CommandTimeout = 60 };
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            string user = authority[..at];
            authority = authority[(at + 1)..];
            int colon = user.IndexOf(':', StringComparison.Ordinal);
            settings.Username = Uri.UnescapeDataString(colon >= 0 ? user[..colon] : user);
            if (colon >= 0)
            {
                settings.Password = Uri.UnescapeDataString(user[(colon + 1)..]);
            }
        }

        int portColon = authority.LastIndexOf(':');
        if (portColon >= 0 && !authority.EndsWith(']'))
        {
            settings.Port = ParsePort(authority[(portColon + 1)..], location);
            authority = authority[..portColon];
        }

        if (authority.Length > 0)
        {
            settings.Host = Uri.UnescapeDataString(authority).Trim('[', ']');
        }

        if (database.Length > 0)
        {
            settings.Database = database;
        }

        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ResultsStoreException($"The results location '{Redact(location)}' has a malformed parameter '{pair}': write name=value.");
            }

            Apply(settings, Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]), location);
        }

        settings.Host ??= "localhost";
        return settings;
    }

    /// <summary>Gives a location without its password, for messages.</summary>
    /// <param name="location">The URI.</param>
    /// <returns>The URI with any password replaced by <c>***</c>.</returns>
    public static string Redact(string location)
    {
        int start = location.IndexOf("://", StringComparison.Ordinal) + 3;
        int at = location.IndexOf('@', start);
        int slash = location.IndexOf('/', start);
        if (at < 0 || (slash >= 0 && slash < at))
        {
            return location;
        }

        int colon = location.IndexOf(':', start);
        return colon >= 0 && colon < at ? string.Concat(location.AsSpan(0, colon + 1), "***", location.AsSpan(at)) : location;
    }

    private static void Apply(NpgsqlConnectionStringBuilder settings, string name, string value, string location)
    {
        switch (name)
        {
            case "host": settings.Host = value; break;
            case "port": settings.Port = ParsePort(value, location); break;
            case "user": settings.Username = value; break;
            case "password": settings.Password = value; break;
            case "dbname": settings.Database = value; break;
            case "sslmode":
                settings.SslMode = Enum.TryParse(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out SslMode mode)
                    ? mode
                    : throw new ResultsStoreException($"The results location '{Redact(location)}' has sslmode '{value}'; use disable, prefer, require, verify-ca or verify-full.");
                break;
            case "connect_timeout": settings.Timeout = ParsePort(value, location); break;
            case "application_name": settings.ApplicationName = value; break;
            default:
                throw new ResultsStoreException($"The results location '{Redact(location)}' has the parameter '{name}', which wand does not know; use host, port, user, password, dbname, sslmode, connect_timeout or application_name.");
        }
    }

    private static int ParsePort(string text, string location)
        => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536
            ? port
            : throw new ResultsStoreException($"The results location '{Redact(location)}' has '{text}' where a number from 1 to 65535 belongs.");

}
