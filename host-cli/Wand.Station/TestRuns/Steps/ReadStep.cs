using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Steps;

/// <summary><c>read</c>: reads a characteristic by profile name and decodes its fields.</summary>
public sealed class ReadStepKind : IStepKind
{
    /// <inheritdoc/>
    public string Name => "read";

    /// <inheritdoc/>
    public string Summary => "Read a characteristic by profile name; its decoded fields (and att-error) can be measured.";

    /// <inheritdoc/>
    public string Example => "- read: status    # or: read: {characteristic: calibration, expect-error: insufficient-authorization}";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        CharacteristicDefinition? definition;
        AttError? expected = null;
        if (arguments.IsScalar)
        {
            definition = ProfileLookup.ReadCharacteristic(arguments);
        }
        else
        {
            PlanMap? map = arguments.AsMap("characteristic", "expect-error");
            if (map == null)
            {
                return null;
            }

            definition = ProfileLookup.ReadCharacteristic(map.Get("characteristic", required: true));
            expected = ExpectedError.Read(map);
        }

        if (definition != null && !definition.CanRead)
        {
            arguments.Error($"'{definition.Name}' cannot be read; the profile allows only write or notify.");
            return null;
        }

        return definition == null ? null : new ReadStep(definition, expected);
    }

    private sealed class ReadStep(CharacteristicDefinition definition, AttError? expected) : ITestStep
    {
        public string Description => "read " + definition.Name;

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => [.. CharacteristicFields.Of(definition.Name), "att-error", "att-error-code"];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            Dictionary<string, MeasuredValue> fields;
            byte code = 0;
            try
            {
                byte[] value = await context.Link.ReadAsync(ProfileLookup.Uuid(definition), cancellationToken).ConfigureAwait(false);
                fields = CharacteristicFields.Decode(definition.Name, value);
            }
            catch (AttErrorException error)
            {
                fields = new Dictionary<string, MeasuredValue>(StringComparer.Ordinal);
                code = error.ErrorCode;
            }

            ExpectedError.AddFields(fields, code);
            string? failure = ExpectedError.Judge("read " + definition.Name, expected, code);
            return failure == null ? StepResult.Ok(fields) : StepResult.Failed(failure, fields);
        }
    }
}
