using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wand.Cli.Output;

/// <summary>The one JSON style of <c>--json</c> output: camelCase names, enumerations as their names, one document per line.</summary>
internal static class CliJson
{
    /// <summary>The serializer options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes one JSON document on one line.</summary>
    /// <param name="output">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(TextWriter output, object value)
    {
        output.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
