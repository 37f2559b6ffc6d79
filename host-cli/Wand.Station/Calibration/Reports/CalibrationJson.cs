using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wand.Host.Calibration.Reports;

/// <summary>The JSON form of a <see cref="CalibrationResult"/>: camelCase names, enums as strings, indented.</summary>
public static class CalibrationJson
{
    /// <summary>Gets the serializer options used for reports and <c>--json</c> output.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Serializes a result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(CalibrationResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Reads a result back.</summary>
    /// <param name="json">JSON written by <see cref="Serialize"/>.</param>
    /// <returns>The result, or <c>null</c> for the JSON literal null.</returns>
    public static CalibrationResult? Deserialize(string json) => JsonSerializer.Deserialize<CalibrationResult>(json, Options);
}
