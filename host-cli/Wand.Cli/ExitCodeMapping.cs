using System;
using System.IO;
using System.Text.Json.Nodes;
using Wand.Cli.Output;
using Wand.Host;
using Wand.Host.Client;
using Wand.Host.Links;

namespace Wand.Cli;

/// <summary>The one boundary that turns the host library's typed errors into exit codes and messages.</summary>
internal static class ExitCodeMapping
{
    /// <summary>Maps an exception to its exit code.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The exit code.</returns>
    public static ExitCode For(Exception exception) => BluetoothExitCodes.TryMap(exception, out ExitCode bluetooth) ? bluetooth : exception switch
    {
        InvalidDeviceAddressException => ExitCode.UnknownDevice,
        DeviceUnreachableException => ExitCode.DeviceUnreachable,
        LinkLostException => ExitCode.LinkLost,
        DeviceBusyException => ExitCode.DeviceBusy,
        CommandRefusedException or AttErrorException => ExitCode.DeviceRefused,
        FeatureNotSupportedException => ExitCode.FeatureNotSupported,
        ProtocolViolationException => ExitCode.ProtocolError,
        OperationCanceledException => ExitCode.Cancelled,
        TransportUnavailableException => ExitCode.TransportUnavailable,
        WorldControlRefusedException => ExitCode.WorldControlRefused,
        WandHostException => ExitCode.ServeFailed,
        _ => ExitCode.InternalError,
    };

    /// <summary>
    /// Reports a failure, the one error shape of every command: without --json the message and what to do on standard
    /// error; with --json one document <c>{"error":{"exitCode":N,"name":"…","message":"…","action":"…"}}</c> on
    /// standard error, so standard output only ever carries results.
    /// </summary>
    /// <param name="output">Standard output; flushed first so results written before the failure come out in order.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="json">Whether --json was given.</param>
    /// <param name="code">The exit code.</param>
    /// <param name="message">What went wrong and where.</param>
    /// <returns>The exit code as an integer.</returns>
    public static int Report(TextWriter output, TextWriter error, bool json, ExitCode code, string message)
    {
        string action = ExitCodeMessages.For(code);
        OutputFailures.Guard(output.Flush);
        OutputFailures.Guard(() =>
        {
            if (json)
            {
                CliJson.Write(error, new JsonObject { ["error"] = new JsonObject { ["exitCode"] = (int)code, ["name"] = code.ToString(), ["message"] = message, ["action"] = action } });
            }
            else
            {
                error.WriteLine($"error: {message}");
                error.WriteLine($"  {action} (exit code {(int)code}, {code})");
            }

            error.Flush();
        });
        return (int)code;
    }

    /// <summary>Reports an exception.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="json">Whether --json was given.</param>
    /// <param name="exception">The exception.</param>
    /// <returns>The exit code as an integer.</returns>
    public static int Report(TextWriter output, TextWriter error, bool json, Exception exception)
    {
        ExitCode code = For(exception);
        string message = code == ExitCode.InternalError ? exception.ToString() : exception.Message;
        if (code == ExitCode.Cancelled)
        {
            message = "cancelled";
        }

        return Report(output, error, json, code, message);
    }
}
