using System;
using System.Security.Cryptography;

namespace Wand.Host.Flashing;

/// <summary>
/// MD5 as the ESP ROM (SPI_FLASH_MD5) and the partition-table format require it. It detects transfer errors here; it
/// is not used for security.
/// </summary>
public static class Md5Digest
{
    /// <summary>Computes the digest.</summary>
    /// <param name="data">The bytes.</param>
    /// <param name="digest">Receives 16 bytes.</param>
    public static void Compute(ReadOnlySpan<byte> data, Span<byte> digest)
    {
#pragma warning disable CA5351 // Protocol-mandated integrity check, not a security use.
        _ = MD5.HashData(data, digest);
#pragma warning restore CA5351
    }

    /// <summary>Computes the digest as 32 lowercase hex characters, the form the ROM answers with.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The hex digest.</returns>
    public static string Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[16];
        Compute(data, digest);
        return Convert.ToHexStringLower(digest);
    }
}
