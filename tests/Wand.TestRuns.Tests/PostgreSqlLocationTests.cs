using Npgsql;
using Wand.Host.Results;
using Wand.Host.Results.PostgreSql;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>HC-6: reading <c>postgresql://</c> locations (libpq URI form).</summary>
public sealed class PostgreSqlLocationTests
{
    [Fact]
    public void HC6_Parse_TcpUriWithCredentials()
    {
        NpgsqlConnectionStringBuilder settings = PostgreSqlLocation.Parse("postgresql://qa:s%40cret@line-db.example:5433/results?sslmode=require");

        Assert.Equal("qa", settings.Username);
        Assert.Equal("s@cret", settings.Password);
        Assert.Equal("line-db.example", settings.Host);
        Assert.Equal(5433, settings.Port);
        Assert.Equal("results", settings.Database);
        Assert.Equal(SslMode.Require, settings.SslMode);
    }

    [Theory]
    [InlineData("postgresql://wand@%2Fvar%2Frun%2Fpostgresql/results")]
    [InlineData("postgresql:///results?host=/var/run/postgresql&user=wand")]
    public void HC6_Parse_UnixSocketFolder(string location)
    {
        NpgsqlConnectionStringBuilder settings = PostgreSqlLocation.Parse(location);

        Assert.Equal("/var/run/postgresql", settings.Host);
        Assert.Equal("wand", settings.Username);
        Assert.Equal("results", settings.Database);
    }

    [Fact]
    public void HC6_Redact_HidesThePassword()
        => Assert.Equal("postgresql://qa:***@line-db/results", PostgreSqlLocation.Redact("postgresql://qa:secret@line-db/results"));

    [Theory]
    [InlineData("postgresql://line-db/results?colour=blue", "colour")]
    [InlineData("postgresql://line-db:port/results", "'port'")]
    public void HC6_Parse_BadUri_NamesWhatIsWrong(string location, string named)
        => Assert.Contains(named, Assert.Throws<ResultsStoreException>(() => PostgreSqlLocation.Parse(location)).Message, System.StringComparison.Ordinal);
}
