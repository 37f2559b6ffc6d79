namespace Wand.Host.Links.Ble;

/// <summary>BlueZ cannot be reached: no system bus, or <c>bluetoothd</c> is not running on it.</summary>
/// <param name="message">What was tried and what failed.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class BluetoothUnavailableException(string message, System.Exception? innerException = null)
    : WandHostException(message, innerException!);

/// <summary>No usable Bluetooth adapter: none present, none powered, or the named one is missing.</summary>
/// <param name="message">Which adapter was wanted and which exist.</param>
public sealed class BluetoothAdapterNotFoundException(string message) : WandHostException(message);

/// <summary>The wand was not seen during discovery.</summary>
/// <param name="message">Which address was searched for, on which adapter, for how long.</param>
public sealed class WandNotFoundException(string message) : WandHostException(message);

/// <summary>The wand refused to pair (its pairing window was closed) or pairing failed.</summary>
/// <param name="message">The BlueZ reason.</param>
/// <param name="innerException">The cause.</param>
public sealed class PairingRefusedException(string message, System.Exception? innerException = null)
    : WandHostException(message, innerException!);

/// <summary>BlueZ refused an operation for a reason that is not an ATT error of the wand.</summary>
/// <param name="message">The operation, the characteristic and BlueZ's error.</param>
/// <param name="innerException">The D-Bus error.</param>
public sealed class BlueZOperationException(string message, System.Exception? innerException = null)
    : WandHostException(message, innerException!);
