namespace Wand.Host.Results.Sql;

/// <summary>
/// What differs between the SQL engines that hold results: column type names and one conversion. Everything else in
/// <see cref="ResultsSchema"/>, <see cref="RunRowWriter"/> and <see cref="RunRowReader"/> is SQL both engines accept.
/// </summary>
/// <param name="Name">The engine's name, for messages.</param>
/// <param name="BinaryType">The type of a byte column.</param>
/// <param name="DoubleType">The type of a 64-bit floating-point column.</param>
/// <param name="WholePartFormat">
/// An expression giving the whole part of a non-negative number <c>{0}</c> as an integer: SQLite's CAST truncates
/// (https://www.sqlite.org/lang_expr.html#castexpr), PostgreSQL's rounds, so it floors first
/// (https://www.postgresql.org/docs/current/functions-math.html).
/// </param>
internal sealed record SqlDialect(string Name, string BinaryType, string DoubleType, string WholePartFormat)
{
    /// <summary>Gets SQLite's types (https://www.sqlite.org/datatype3.html).</summary>
    public static SqlDialect Sqlite { get; } = new("SQLite", "BLOB", "REAL", "CAST({0} AS INTEGER)");

    /// <summary>Gets PostgreSQL's types; its REAL is only 32 bits (https://www.postgresql.org/docs/current/datatype-numeric.html).</summary>
    public static SqlDialect PostgreSql { get; } = new("PostgreSQL", "BYTEA", "DOUBLE PRECISION", "CAST(floor({0}) AS INTEGER)");

    /// <summary>Gives the whole part of a non-negative SQL expression as an integer.</summary>
    /// <param name="expression">The expression.</param>
    /// <returns>The SQL.</returns>
    public string WholePart(string expression) => string.Format(System.Globalization.CultureInfo.InvariantCulture, WholePartFormat, expression);
}
