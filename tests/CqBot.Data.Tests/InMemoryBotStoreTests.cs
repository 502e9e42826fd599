using CqBot.Data;
using Xunit;

namespace CqBot.Data.Tests;

public sealed class InMemoryBotStoreTests : BotStoreContractTests
{
    protected override async Task<IBotStore> CreateStoreAsync()
    {
        var store = new InMemoryBotStore();
        await store.InitializeAsync(default);
        return store;
    }

    protected override Task<IBotStore?> OpenAgainAsync(IBotStore store) => Task.FromResult<IBotStore?>(null);

    [Fact]
    public async Task Unavailable_EveryCallThrows_UntilItIsBack()
    {
        var store = new InMemoryBotStore { Unavailable = true };

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetUserAsync(1, 1, [], default));
        store.Unavailable = false;

        Assert.Equal(1, (await store.GetUserAsync(1, 1, [], default)).Authority);
    }
}
