using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// <c>write</c>: writes a characteristic by profile name, either raw bytes (<c>hex</c>) or, for settings and the
/// fault-log selection, by field. Out-of-range values are written as given, so a plan can check they are refused.
/// </summary>
public sealed class WriteStepKind : IStepKind
{
    /// <inheritdoc/>
    public string Name => "write";

    /// <inheritdoc/>
    public string Summary => "Write a characteristic (hex bytes, or settings / fault-log fields); expect-error names the refusal the unit must give.";

    /// <inheritdoc/>
    public string Example => "- write: {characteristic: settings, fields: {default-session-s: 30, default-level: 2, default-pattern: continuous}, expect-error: duration-out-of-range}";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        PlanMap? map = arguments.AsMap("characteristic", "hex", "fields", "without-response", "expect-error");
        if (map == null)
        {
            return null;
        }

        CharacteristicDefinition? definition = ProfileLookup.ReadCharacteristic(map.Get("characteristic", required: true));
        AttError? expected = ExpectedError.Read(map);
        bool withoutResponse = map.Boolean("without-response") ?? false;
        byte[]? bytes = null;
        if (map.Has("hex") == map.Has("fields"))
        {
            arguments.Error("'write' needs exactly one of 'hex' (bytes such as \"01 05 00 58 02\") or 'fields'.");
        }
        else if (map.Get("hex") is PlanNode hexNode)
        {
            bytes = ReadHex(hexNode);
        }
        else if (definition != null && map.Get("fields") is PlanNode fieldsNode)
        {
            bytes = EncodeFields(definition.Name, fieldsNode);
        }

        if (definition != null && !definition.CanWrite && !definition.CanWriteWithoutResponse)
        {
            arguments.Error($"'{definition.Name}' cannot be written; the profile allows only read or notify.");
            return null;
        }

        return definition == null || bytes == null ? null : new WriteStep(definition, bytes, withoutResponse, expected);
    }

    private static byte[]? ReadHex(PlanNode node)
    {
        string? text = node.AsText();
        if (text == null)
        {
            return null;
        }

        string digits = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            node.Error($"'{node.Path}' must be bytes in hex, such as \"01 05 00 58 02\"; found '{text}'.");
            return null;
        }
    }

    private static byte[]? EncodeFields(string characteristic, PlanNode node)
    {
        switch (characteristic)
        {
            case "settings":
                PlanMap? settingsMap = node.AsMap("default-session-s", "default-level", "default-pattern");
                if (settingsMap == null)
                {
                    return null;
                }

                long? seconds = settingsMap.WholeNumber("default-session-s", 0, ushort.MaxValue, required: true);
                long? level = settingsMap.WholeNumber("default-level", 0, byte.MaxValue, required: true);
                Protocol.Vocabulary.PatternKind? pattern = settingsMap.Choice("default-pattern", Names.Table<Protocol.Vocabulary.PatternKind>(), required: true);
                if (seconds == null || level == null || pattern == null)
                {
                    return null;
                }

                Protocol.Messages.SessionSettings settings = new() { DefaultSessionSeconds = (int)seconds, DefaultLevel = (int)level, DefaultPattern = pattern.Value };
                byte[] buffer = new byte[Protocol.Messages.SessionSettings.Length];
                settings.Encode(buffer, 0);
                return buffer;
            case "fault-log":
                PlanMap? selection = node.AsMap("first-index");
                long? first = selection?.WholeNumber("first-index", 0, byte.MaxValue, required: true);
                return first == null ? null : [(byte)first];
            default:
                node.Error($"'fields' can be written to settings and fault-log only; write '{characteristic}' with 'hex'.");
                return null;
        }
    }

    private sealed class WriteStep(CharacteristicDefinition definition, byte[] bytes, bool withoutResponse, AttError? expected) : ITestStep
    {
        public string Description => $"write {definition.Name} {Convert.ToHexStringLower(bytes)}";

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => ["att-error", "att-error-code"];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            byte code = 0;
            try
            {
                await context.Link.WriteAsync(ProfileLookup.Uuid(definition), bytes, withoutResponse ? WriteKind.WithoutResponse : WriteKind.WithResponse, cancellationToken).ConfigureAwait(false);
            }
            catch (AttErrorException error)
            {
                code = error.ErrorCode;
            }

            Dictionary<string, MeasuredValue> fields = new(StringComparer.Ordinal);
            ExpectedError.AddFields(fields, code);
            string? failure = ExpectedError.Judge("write " + definition.Name, expected, code);
            return failure == null ? StepResult.Ok(fields) : StepResult.Failed(failure, fields);
        }
    }
}
