using System.Collections.Generic;

namespace Wand.Host.Results.Sqlite;

/// <summary>
/// The results database's schema, as numbered migrations. Version N is reached by running migrations 1..N in order,
/// each in its own transaction; <c>schema_version</c> holds the version reached. Migrations are only ever appended.
/// The statements keep to SQL that PostgreSQL also accepts (apart from BLOB → BYTEA), so a server store can follow.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The version this software writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>Gets the migrations by target version: index 0 brings an empty file to version 1, and so on.</summary>
    public static IReadOnlyList<string[]> Migrations { get; } =
    [
        // Version 1: runs, phases and measurements, with the full JSON record kept per run.
        [
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            "INSERT INTO schema_version (version) VALUES (0)",
            """
            CREATE TABLE runs (
                run_id TEXT PRIMARY KEY,
                plan_name TEXT NOT NULL,
                plan_version TEXT NOT NULL,
                dut_serial TEXT NOT NULL,
                station_id TEXT NOT NULL,
                started_utc TEXT NOT NULL,
                duration_ms REAL NOT NULL,
                outcome TEXT NOT NULL,
                record_json TEXT NOT NULL)
            """,
            """
            CREATE TABLE phases (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                outcome TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                duration_ms REAL NOT NULL,
                message TEXT NOT NULL,
                PRIMARY KEY (run_id, position))
            """,
            """
            CREATE TABLE measurements (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                phase_position INTEGER NOT NULL,
                name TEXT NOT NULL,
                units TEXT NOT NULL,
                numeric_value REAL,
                text_value TEXT,
                minimum REAL,
                maximum REAL,
                marginal_minimum REAL,
                marginal_maximum REAL,
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
            """
            CREATE TABLE attachments (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (run_id, name))
            """,
            "CREATE INDEX measurements_by_name ON measurements (name, outcome)",
        ],
    ];
}
