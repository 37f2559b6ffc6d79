using System.Collections.Generic;
using System.Globalization;
using Wand.Core.Board;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Steps;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.TestRuns.Fixture;

/// <summary>A head ID resistor named in a plan: a head name, <c>none</c> (open line), <c>short</c> or ohms.</summary>
/// <param name="Ohms">The resistor, in ohms; 0 for a short; <c>null</c> for an open line.</param>
/// <param name="Description">What the plan asked for, for progress and reports.</param>
public sealed record HeadResistorChoice(double? Ohms, string Description)
{
    /// <summary>Reads a head choice, reporting a bad value with its file, line and column.</summary>
    /// <param name="node">The value node.</param>
    /// <returns>The choice, or <c>null</c> when invalid (error reported).</returns>
    public static HeadResistorChoice? Read(PlanNode node)
    {
        System.ArgumentNullException.ThrowIfNull(node);
        string? text = node.AsText();
        if (text == null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double ohms) && ohms >= 0)
        {
            return new HeadResistorChoice(ohms, string.Create(CultureInfo.InvariantCulture, $"head resistor {ohms} Ω"));
        }

        switch (text)
        {
            case "none":
                return new HeadResistorChoice(null, "head line open");
            case "short":
                return new HeadResistorChoice(0, "head line shorted");
        }

        HeadCatalog catalog = HeadCatalog.CreateDefault();
        foreach (KeyValuePair<string, HeadIdentity> entry in Names.Table<HeadIdentity>())
        {
            HeadDefinition? head = entry.Key == text ? catalog.Find(entry.Value) : null;
            if (head != null)
            {
                return new HeadResistorChoice(head.IdResistorOhms, string.Create(CultureInfo.InvariantCulture, $"head {text} ({head.IdResistorOhms} Ω)"));
            }
        }

        node.Error($"'{node.Path}' must be soft-dome, ridged-wave, bristle-brush, none, short or an ID resistor in ohms; found '{text}'.");
        return null;
    }
}
