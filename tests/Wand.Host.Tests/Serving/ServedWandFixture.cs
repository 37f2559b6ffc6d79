using System;
using System.Threading.Tasks;
using Wand.Host.Serving;

namespace Wand.Host.Tests.Serving;

/// <summary>An in-process served virtual wand on a free loopback port.</summary>
internal sealed class ServedWandFixture : IAsyncDisposable
{
    private ServedWandFixture(VirtualWandHost host, WandStreamServer server)
    {
        Host = host;
        Server = server;
    }

    public VirtualWandHost Host { get; }

    public WandStreamServer Server { get; }

    public string Address => Server.Address;

    public static ServedWandFixture Start(double speed = 10)
    {
        VirtualWandHost host = new(new VirtualWandHostOptions { Speed = speed });
        return new ServedWandFixture(host, WandStreamServer.StartTcp(host, 0));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Host.Dispose();
    }
}
