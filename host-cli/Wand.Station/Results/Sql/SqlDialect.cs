namespace Wand.Host.Results.Sql;

/// <summary>
/// What differs between the SQL engines that hold results: only column type names. Everything else in
/// <see cref="ResultsSchema"/>, <see cref="RunRowWriter"/> and <see cref="RunRowReader"/> is SQL both engines accept.
/// </summary>
/// <param name="Name">The engine's name, for messages.</param>
/// <param name="BinaryType">The type of a byte column.</param>
/// <param name="DoubleType">The type of a 64-bit floating-point column.</param>
internal sealed record SqlDialect(string Name, string BinaryType, string DoubleType)
{
    /// <summary>Gets SQLite's types (https://www.sqlite.org/datatype3.html).</summary>
    public static SqlDialect Sqlite { get; } = new("SQLite", "BLOB", "REAL");

    /// <summary>Gets PostgreSQL's types; its REAL is only 32 bits (https://www.postgresql.org/docs/current/datatype-numeric.html).</summary>
    public static SqlDialect PostgreSql { get; } = new("PostgreSQL", "BYTEA", "DOUBLE PRECISION");
}
