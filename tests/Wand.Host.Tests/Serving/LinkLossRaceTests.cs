using System;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Streams;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Host.Tests.Serving;

/// <summary>A request that coincides with a link loss fails at once with the cause of the loss, never by timing out.</summary>
public sealed class LinkLossRaceTests
{
    private static readonly Guid Status = CharacteristicMap.UuidOf(WandProfile.StatusIndex);

    [Fact]
    public async Task RequestIssuedTheMomentTheLossIsRecorded_FailsAtOnceWithTheCause()
    {
        ServedWandFixture served = ServedWandFixture.Start();
        // A request timeout far beyond the test's life: a request that registers after the loss would hang, not fail.
        FramedStreamLink link = (FramedStreamLink)new WandLinkFactory(options: new FramedLinkOptions { RequestTimeout = TimeSpan.FromHours(1) }).Create(served.Address);
        await link.ConnectAsync();
        TaskCompletionSource<Task<byte[]>> racing = new(TaskCreationOptions.RunContinuationsAsynchronously);
        link.AfterLossRecorded = () =>
        {
            Task<byte[]> read = link.ReadAsync(Status);
            racing.TrySetResult(read);
            link.AfterLossRecorded = null;
        };

        await served.DisposeAsync();
        Task<byte[]> read = await racing.Task;

        Assert.True(read.IsCompleted, "the request issued during the loss is still waiting for an answer");
        LinkLostException error = await Assert.ThrowsAsync<LinkLostException>(() => read);
        Assert.Contains("closed the connection", error.Message);
        await link.DisposeAsync();
    }
}
