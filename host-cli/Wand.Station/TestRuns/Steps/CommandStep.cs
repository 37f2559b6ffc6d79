using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Client;
using Wand.Host.Links;
using Wand.Host.TestRuns.Plans;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// <c>command</c>: a control-point command (start, stop, set-level, set-pattern, start-routine, pause, resume) and its
/// result notification.
/// <c>expect</c> names the command result (<c>success</c>, <c>charging</c>, …) or ATT error (<c>level-out-of-range</c>)
/// the unit must answer with; <c>any</c> leaves the judgement to measurements of <c>result</c> and <c>detail</c>.
/// </summary>
public sealed class CommandStepKind : IStepKind
{
    /// <summary>How long to wait for the result notification, in device milliseconds.</summary>
    public const int ResponseTimeoutMilliseconds = 1000;

    /// <inheritdoc/>
    public string Name => "command";

    /// <inheritdoc/>
    public string Summary => "Send a control-point command and check its result (expect: success by default, a refusal such as charging, an ATT error such as level-out-of-range, or any).";

    /// <inheritdoc/>
    public string Example => "- command: {start: {level: 3, pattern: continuous, duration-s: 120}, expect: success}";

    /// <inheritdoc/>
    public ITestStep? Parse(PlanNode arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ControlPointCommand command = new();
        string expect = "success";
        if (arguments.IsScalar)
        {
            switch (arguments.AsText())
            {
                case "stop":
                    command.SetStop();
                    break;
                case "pause":
                    command.SetPause();
                    break;
                case "resume":
                    command.SetResume();
                    break;
                default:
                    arguments.Error("A command without arguments must be stop, pause or resume; use {start: {...}}, {set-level: N}, {set-pattern: NAME} or {start-routine: NAME} for the others.");
                    return null;
            }
        }
        else
        {
            PlanMap? map = arguments.AsMap("start", "stop", "set-level", "set-pattern", "start-routine", "pause", "resume", "expect");
            if (map == null)
            {
                return null;
            }

            string[] verbs = map.Keys.Where(key => key != "expect").ToArray();
            if (verbs.Length != 1)
            {
                arguments.Error("A command needs exactly one of start, stop, set-level, set-pattern, start-routine, pause or resume.");
                return null;
            }

            if (!ReadCommand(map, verbs[0], command))
            {
                return null;
            }

            if (map.Get("expect") is PlanNode expectNode)
            {
                string? text = expectNode.AsText();
                if (text != null && text != "any" && !ProfileLookup.CommandResults.ContainsKey(text) && !ProfileLookup.AttErrors.ContainsKey(text))
                {
                    expectNode.Error($"'expect' must be any, a command result ({string.Join(", ", ProfileLookup.CommandResults.Keys)}) or an ATT error such as level-out-of-range; found '{text}'.");
                    return null;
                }

                expect = text ?? expect;
            }
        }

        return new CommandStep(command, expect);
    }

    private static bool ReadCommand(PlanMap map, string verb, ControlPointCommand command)
    {
        PlanNode node = map.Get(verb)!;
        switch (verb)
        {
            case "stop":
                command.SetStop();
                return true;
            case "pause":
                command.SetPause();
                return true;
            case "resume":
                command.SetResume();
                return true;
            case "start-routine":
                string? routineText = node.AsText();
                if (routineText != null && byte.TryParse(routineText, out byte routineNumber))
                {
                    // By number (0–255) so a plan can send an unknown one.
                    command.SetRoutineStart((RoutineKind)routineNumber);
                    return true;
                }

                RoutineKind? routine = node.AsChoice(Names.Table<RoutineKind>());
                if (routine == null)
                {
                    return false;
                }

                command.SetRoutineStart(routine.Value);
                return true;
            case "set-level":
                long? level = node.AsInteger(0, byte.MaxValue);
                if (level == null)
                {
                    return false;
                }

                command.SetLevelChange((int)level);
                return true;
            case "set-pattern":
                PatternKind? pattern = ReadPattern(node);
                if (pattern == null)
                {
                    return false;
                }

                command.SetPatternChange(pattern.Value);
                return true;
            default:
                PlanMap? start = node.AsMap("level", "pattern", "duration-s");
                if (start == null)
                {
                    return false;
                }

                long? startLevel = start.WholeNumber("level", 0, byte.MaxValue, required: true);
                PatternKind? startPattern = start.Get("pattern") is PlanNode patternNode ? ReadPattern(patternNode) : PatternKind.Continuous;
                long? duration = start.WholeNumber("duration-s", 0, ushort.MaxValue) ?? 0;
                if (startLevel == null || startPattern == null)
                {
                    return false;
                }

                command.SetStart((int)startLevel, startPattern.Value, (int)duration);
                return true;
        }
    }

    /// <summary>A pattern by name, or by number (0–255) so a plan can send an unknown one.</summary>
    private static PatternKind? ReadPattern(PlanNode node)
    {
        string? text = node.AsText();
        if (text != null && byte.TryParse(text, out byte number))
        {
            return (PatternKind)number;
        }

        return node.AsChoice(Names.Table<PatternKind>());
    }

    private sealed class CommandStep(ControlPointCommand command, string expect) : ITestStep
    {
        private static readonly Guid ControlPoint = ControlPointExchange.ControlPoint;

        public string Description => Names.Of(command.Opcode) + command.Opcode switch
        {
            ControlPointOpcode.StartSession => FormattableString.Invariant($" level {command.Level} {Names.Of(command.Pattern)} {command.DurationSeconds} s"),
            ControlPointOpcode.SetLevel => FormattableString.Invariant($" {command.Level}"),
            ControlPointOpcode.SetPattern => " " + Names.Of(command.Pattern),
            ControlPointOpcode.StartRoutine => " " + Names.Of(command.Routine),
            _ => string.Empty,
        };

        public bool RequiresVirtualWand => false;

        public IReadOnlyCollection<string> Fields => ["result", "detail", "att-error", "att-error-code"];

        public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            context.Notifications.Clear(ControlPoint);
            Dictionary<string, MeasuredValue> fields = new(StringComparer.Ordinal);
            byte code = 0;
            CommandOutcome? outcome = null;
            try
            {
                outcome = await ControlPointExchange.SendAsync(
                    context.Link,
                    command,
                    token => context.WaitForNotificationAsync(ControlPoint, ResponseTimeoutMilliseconds, token),
                    ResponseTimeoutMilliseconds,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AttErrorException error)
            {
                code = error.ErrorCode;
            }

            ExpectedError.AddFields(fields, code);
            string answer;
            if (code > CommandRefusal.Base && code <= CommandRefusal.Base + 0x0F)
            {
                // A refusal by device state: ATT 0x90 + the command result.
                answer = Names.Of((CommandResult)(code - CommandRefusal.Base));
                fields["result"] = MeasuredValue.Of(answer);
                fields["detail"] = MeasuredValue.Of(0);
            }
            else if (code != 0)
            {
                answer = ProfileLookup.AttErrorName(code);
            }
            else
            {
                answer = Names.Of(outcome!.Result);
                fields["result"] = MeasuredValue.Of(answer);
                fields["detail"] = MeasuredValue.Of(outcome.Detail);
            }

            if (expect == "any" || expect == answer)
            {
                return StepResult.Ok(fields);
            }

            string description = code != 0 && !ProfileLookup.CommandResults.ContainsKey(answer) ? AttErrorText.Describe(code) : AttErrorText.DescribeResult(ProfileLookup.CommandResults[answer]);
            return StepResult.Failed($"{Description}: expected {expect}, the unit answered {answer} ({description.TrimEnd('.')}).", fields);
        }
    }
}
