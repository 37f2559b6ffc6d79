using System.Collections.Generic;

namespace Wand.Host.Results.Sql;

/// <summary>
/// The results database's schema, as numbered migrations. Version N is reached by running migrations 1..N in order,
/// each in its own transaction; <c>schema_version</c> holds the version reached. Migrations are only ever appended.
/// One list serves SQLite and PostgreSQL: the statements keep to SQL both accept, and the few type names that differ
/// come from the <see cref="SqlDialect"/>.
/// </summary>
internal static class ResultsSchema
{
    /// <summary>
    /// The SQLite header's application ID of a wand results store (<c>PRAGMA application_id</c>, header offset 68 per
    /// https://www.sqlite.org/fileformat.html#application_id): the ASCII bytes "WAND".
    /// </summary>
    public const int ApplicationId = 0x57414E44;

    /// <summary>The version this software writes.</summary>
    public const int CurrentVersion = 5;

    /// <summary>Gives the migrations by target version: index 0 brings an empty database to version 1, and so on.</summary>
    /// <param name="dialect">The engine whose type names to use.</param>
    /// <returns>The statements of each migration.</returns>
    public static IReadOnlyList<string[]> Migrations(SqlDialect dialect) =>
    [
        // Version 1: runs, phases and measurements, with the full JSON record kept per run.
        [
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            "INSERT INTO schema_version (version) VALUES (0)",
            $"""
            CREATE TABLE runs (
                run_id TEXT PRIMARY KEY,
                plan_name TEXT NOT NULL,
                plan_version TEXT NOT NULL,
                dut_serial TEXT NOT NULL,
                station_id TEXT NOT NULL,
                started_utc TEXT NOT NULL,
                duration_ms {dialect.DoubleType} NOT NULL,
                outcome TEXT NOT NULL,
                record_json TEXT NOT NULL)
            """,
            $"""
            CREATE TABLE phases (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                outcome TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                duration_ms {dialect.DoubleType} NOT NULL,
                message TEXT NOT NULL,
                PRIMARY KEY (run_id, position))
            """,
            $"""
            CREATE TABLE measurements (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                phase_position INTEGER NOT NULL,
                name TEXT NOT NULL,
                units TEXT NOT NULL,
                numeric_value {dialect.DoubleType},
                text_value TEXT,
                minimum {dialect.DoubleType},
                maximum {dialect.DoubleType},
                marginal_minimum {dialect.DoubleType},
                marginal_maximum {dialect.DoubleType},
                expected TEXT,
                outcome TEXT NOT NULL,
                PRIMARY KEY (run_id, name))
            """,
            "CREATE INDEX runs_by_serial ON runs (dut_serial, started_utc)",
            "CREATE INDEX runs_by_start ON runs (started_utc)",
        ],

        // Version 2: attachments (calibration records, traces), the marginal flag, and the firmware revision for queries.
        [
            "ALTER TABLE runs ADD COLUMN marginal INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN firmware_revision TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE measurements ADD COLUMN marginal INTEGER NOT NULL DEFAULT 0",
            $"""
            CREATE TABLE attachments (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                data {dialect.BinaryType} NOT NULL,
                PRIMARY KEY (run_id, name))
            """,
            "CREATE INDEX measurements_by_name ON measurements (name, outcome)",
        ],

        // Version 3: the runs a station has handed on to the line database (store and forward); empty on the line database.
        [
            """
            CREATE TABLE forwarded_runs (
                run_id TEXT PRIMARY KEY REFERENCES runs (run_id),
                forwarded_utc TEXT NOT NULL)
            """,
        ],

        // Version 4: time series leave the JSON record for a compact lossless column (SeriesCodec), and yield queries
        // get indexes for reading runs by unit and in start order. Runs stored earlier keep their series inside record_json.
        [
            $"""
            CREATE TABLE series (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                units TEXT NOT NULL,
                point_count INTEGER NOT NULL,
                data {dialect.BinaryType} NOT NULL,
                PRIMARY KEY (run_id, position))
            """,
            "CREATE INDEX runs_by_plan_serial ON runs (plan_name, dut_serial, started_utc, run_id)",
            "CREATE INDEX runs_by_start_and_id ON runs (started_utc, run_id)",
        ],

        // Version 5: which retest of its unit a run is (0 for a first run; runs stored earlier read as 0, their records carry nothing).
        [
            "ALTER TABLE runs ADD COLUMN retest INTEGER NOT NULL DEFAULT 0",
        ],
    ];
}
