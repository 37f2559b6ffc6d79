using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wand.BleBed.Peripheral;
using Wand.Cli;
using Wand.DBus;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// HC-7 from the command line: <c>wand sim serve --ble --system-bluez --bus …</c> registers the served virtual wand
/// with the BlueZ on that bus (here the bed's stand-in for bluetoothd), serves a paired central, and unregisters on
/// Ctrl-C.
/// </summary>
public sealed class SimServeSystemBlueZTests
{
    [Fact]
    public async Task HC7_SimServeSystemBlueZ_RegistersServesAPairedCentral_AndCtrlCUnregisters()
    {
        await using BleBed.BleBed bed = await BleBed.BleBed.StartAsync();
        StringWriter error = new();
        FirstLineWriter output = new();
        using CancellationTokenSource stop = new();
        Task<int> serve = Program.BuildRootCommand().Parse(["sim", "serve", "--ble", "--system-bluez", "--bus", bed.BusAddress, "--json"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, stop.Token);
        try
        {
            using JsonDocument announced = JsonDocument.Parse(await output.FirstLine.Task.WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal(SystemBlueZPeripheral.Root.Value, announced.RootElement.GetProperty("application").GetString());
            Assert.Single((object[])(await bed.CallAsync("Applications", string.Empty))[0]);
            Assert.Single((object[])(await bed.CallAsync("Advertisements", string.Empty))[0]);

            ObjectPath central = (ObjectPath)(await bed.CallAsync("CentralConnect", "ss", "hci0", "11:22:33:44:55:77"))[0];
            await bed.CallAsync("CentralPair", "o", central);
            IReadOnlyList<object> status = await bed.CallAsync("CentralRead", "osq", central, WandProfile.Characteristic(WandProfile.StatusIndex).Uuid.Text, (ushort)0);

            Assert.Equal((byte)0, status[0]);
            Assert.Equal(Wand.Protocol.Messages.StatusReport.Length, ((byte[])status[1]).Length);
            await bed.CallAsync("CentralDisconnect", "o", central);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await serve.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        Assert.Empty((object[])(await bed.CallAsync("Applications", string.Empty))[0]);
        Assert.Empty((object[])(await bed.CallAsync("Advertisements", string.Empty))[0]);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Theory]
    [InlineData("--bus", "unix:path=/nonexistent")]
    [InlineData("--system-bluez", null)]
    public async Task SimServe_PeripheralOptionsWithoutBle_AreRefusedAsValueOutOfRange(string option, string? value)
    {
        StringWriter error = new();
        string[] arguments = value is null ? ["sim", "serve", option] : ["sim", "serve", option, value];

        int code = await Program.BuildRootCommand().Parse(arguments).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(3, code);
        Assert.Contains("--ble", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Completes <see cref="FirstLine"/> with the first line the command prints.</summary>
    private sealed class FirstLineWriter : StringWriter
    {
        public TaskCompletionSource<string> FirstLine { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Flush()
        {
            base.Flush();
            string text = ToString();
            int end = text.IndexOf('\n', StringComparison.Ordinal);
            if (end >= 0)
            {
                FirstLine.TrySetResult(text[..end].TrimEnd('\r'));
            }
        }
    }
}
