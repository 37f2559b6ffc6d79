using System.Collections.Generic;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Steps;

/// <summary>The <c>expect-error</c> argument of read and write steps: the exact ATT error the unit must answer with.</summary>
internal static class ExpectedError
{
    public static AttError? Read(PlanMap map) => map.Choice("expect-error", ProfileLookup.AttErrors);

    /// <summary>Judges the answer: <c>null</c> when it is what the plan expects, otherwise why not.</summary>
    public static string? Judge(string what, AttError? expected, byte actual)
    {
        string actualName = ProfileLookup.AttErrorName(actual);
        if (expected is AttError wanted)
        {
            return actual == (byte)wanted ? null : $"{what}: expected ATT error {Names.Of(wanted)} (0x{(byte)wanted:X2}), got {actualName}.";
        }

        return actual == 0 ? null : $"{what}: the unit answered {Links.AttErrorText.Describe(actual)}";
    }

    public static void AddFields(Dictionary<string, MeasuredValue> fields, byte code)
    {
        fields["att-error"] = MeasuredValue.Of(ProfileLookup.AttErrorName(code));
        fields["att-error-code"] = MeasuredValue.Of(code);
    }
}
