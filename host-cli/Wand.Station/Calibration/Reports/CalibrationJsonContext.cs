using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wand.Host.Calibration.Reports;

/// <summary>
/// Serialization metadata for calibration results, generated at compile time so that results read and write without
/// reflection (the Native AOT <c>wand</c> has none). The enumeration spelling lives in <see cref="CalibrationJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CalibrationResult))]
internal sealed partial class CalibrationJsonContext : JsonSerializerContext;
