using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Wand.DBus.Tests;

/// <summary>A private dbus-daemon on a Unix socket in a temporary directory (package 'dbus'; CI installs it).</summary>
public sealed class PrivateBus : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "wand-dbus-" + Guid.NewGuid().ToString("N")[..8]);
    private int processId;

    public DBusAddress Address { get; private set; } = DBusAddress.Parse("unix:path=/nonexistent");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        string socket = Path.Combine(directory, "bus.sock");
        ProcessStartInfo start = new("dbus-daemon") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "--session", "--address=unix:path=" + socket, "--fork", "--print-pid=1" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dbus-daemon did not start; install the 'dbus' package.");
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "dbus-daemon failed: " + await process.StandardError.ReadToEndAsync());
        processId = int.Parse(output.Trim().Split('\n')[0]);
        Address = DBusAddress.Parse("unix:path=" + socket);
    }

    public Task DisposeAsync()
    {
        try
        {
            Process.GetProcessById(processId).Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
