namespace Allometry.Benchmarks.Outbox;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Allometry.Core.Cards;
using Allometry.Core.People;

/// <summary>
/// A chat channel that posts the card, serialized as the outbox stores it, to a
/// <see cref="RateLimitedPlatform"/> over loopback HTTP, and turns 429 into the
/// <see cref="ChannelDeliveryException"/> with Retry-After that the dispatcher honours.
/// </summary>
internal sealed class HttpBenchChannel(Platform platform, HttpClient http) : IChatChannel
{
    public Platform Platform => platform;

    public async Task<PostedCard> PostAsync(ChannelAddress address, Card card, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"/{address.Realm}/{address.ConversationId}/messages", card, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new ChannelDeliveryException("ratelimited", permanent: false, response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        if (!response.IsSuccessStatusCode) throw new ChannelDeliveryException($"http_{(int)response.StatusCode}", permanent: false);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return new PostedCard(address, json.RootElement.GetProperty("ts").GetString()!);
    }

    public Task UpdateAsync(PostedCard posted, Card card, CancellationToken ct) => throw new NotSupportedException("The benchmark only posts.");

    public Task DeleteAsync(PostedCard posted, CancellationToken ct) => throw new NotSupportedException("The benchmark only posts.");
}
