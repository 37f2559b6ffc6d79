using System;
using Wand.Host.Links;
using Wand.Host.Links.Ble;

namespace Wand.Cli;

/// <summary>Maps the BLE link's typed errors (directly or as the cause of a <see cref="DeviceUnreachableException"/>) to exit codes 60–69.</summary>
internal static class BluetoothExitCodes
{
    /// <summary>Finds the Bluetooth exit code of an error.</summary>
    /// <param name="exception">The error a command caught.</param>
    /// <param name="code">The exit code, when the error is a Bluetooth one.</param>
    /// <returns><c>true</c> when <paramref name="exception"/> or its cause is a Bluetooth error.</returns>
    public static bool TryMap(Exception exception, out ExitCode code)
    {
        Exception subject = exception is DeviceUnreachableException { InnerException: Exception cause } ? cause : exception;
        ExitCode? mapped = subject switch
        {
            BluetoothUnavailableException => ExitCode.BluetoothUnavailable,
            BluetoothAdapterNotFoundException => ExitCode.BluetoothAdapterMissing,
            WandNotFoundException => ExitCode.WandNotFound,
            PairingRefusedException => ExitCode.PairingRefused,
            BlueZOperationException => ExitCode.BluetoothOperationFailed,
            _ => null,
        };
        code = mapped ?? ExitCode.InternalError;
        return mapped is not null;
    }
}
