using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Wand.Host.Calibration.Reports;

/// <summary>The JSON form of a <see cref="CalibrationResult"/>: camelCase names, enums as strings, indented.</summary>
public static class CalibrationJson
{
    /// <summary>Gets the serializer options used for reports and <c>--json</c> output.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter<CalibrationOutcome>(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = CalibrationJsonContext.Default,
    };

    /// <summary>Gets the metadata of a result under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<CalibrationResult> ResultType { get; } = (JsonTypeInfo<CalibrationResult>)Options.GetTypeInfo(typeof(CalibrationResult));

    /// <summary>Serializes a result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(CalibrationResult result) => JsonSerializer.Serialize(result, ResultType);

    /// <summary>Reads a result back.</summary>
    /// <param name="json">JSON written by <see cref="Serialize"/>.</param>
    /// <returns>The result, or <c>null</c> for the JSON literal null.</returns>
    public static CalibrationResult? Deserialize(string json) => JsonSerializer.Deserialize(json, ResultType);
}
