using System;
using System.Collections.Generic;
using System.Linq;

namespace Wand.Host.TestRuns.Plans;

/// <summary>One problem in a plan: where, and what was expected.</summary>
/// <param name="Location">Where the problem is.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record PlanError(SourceLocation Location, string Message)
{
    /// <summary>Formats the error as <c>file:line:column: error: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{Location}: error: {Message}";
}

/// <summary>The plan is malformed; it was rejected before anything ran or was written.</summary>
public sealed class PlanValidationException : WandHostException
{
    /// <summary>Initializes a new instance of the <see cref="PlanValidationException"/> class.</summary>
    /// <param name="errors">Every problem found, at least one.</param>
    public PlanValidationException(IReadOnlyList<PlanError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every problem found, in file order.</summary>
    public IReadOnlyList<PlanError> Errors { get; }

    private static string Describe(IReadOnlyList<PlanError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return string.Join(Environment.NewLine, errors.Select(error => error.ToString()));
    }
}

/// <summary>Collects plan errors while a plan is read, so every problem is reported at once.</summary>
public sealed class PlanErrorList
{
    private readonly List<PlanError> errors = [];

    /// <summary>Gets the errors so far, in the order found.</summary>
    public IReadOnlyList<PlanError> Errors => errors;

    /// <summary>Gets the number of errors so far.</summary>
    public int Count => errors.Count;

    /// <summary>Adds an error.</summary>
    /// <param name="location">Where.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public void Add(SourceLocation location, string message) => errors.Add(new PlanError(location, message));

    /// <summary>Throws <see cref="PlanValidationException"/> when any error was found, sorted by place.</summary>
    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new PlanValidationException(errors.OrderBy(error => error.Location.Line).ThenBy(error => error.Location.Column).ToList());
        }
    }
}
