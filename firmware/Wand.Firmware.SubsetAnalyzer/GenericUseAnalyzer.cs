using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Wand.Firmware.SubsetAnalyzer;

/// <summary>
/// Reports WANDNF001, an error, for every use of a generic type or method (<see cref="GenericUse"/>). nanoFramework
/// 1.x (CoreLibrary 1.17.11) declares a few generic delegates in mscorlib, but its runtime and metadata processor run
/// no generics.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GenericUseAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The rule: no generic type or method is used in firmware code.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        id: "WANDNF001",
        title: "Generic type or method used in nanoFramework 1.x code",
        messageFormat: "Uses the generic {0}; the nanoFramework 1.x runtime runs no generics",
        category: "nanoFramework",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "nanoFramework.CoreLibrary 1.x declares Action<T>, Func<T, TResult> and EventHandler<TEventArgs>, which compile but do not run on the device.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        if (context == null)
        {
            return;
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSemanticModelAction(Analyze);
    }

    private static void Analyze(SemanticModelAnalysisContext context)
    {
        foreach (KeyValuePair<Location, string> finding in GenericUse.Find(context.SemanticModel))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, finding.Key, finding.Value));
        }
    }
}
