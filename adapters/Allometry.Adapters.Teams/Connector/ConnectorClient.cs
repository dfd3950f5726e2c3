namespace Allometry.Adapters.Teams.Connector;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Activities;
using Allometry.Core.Cards;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Bot Framework connector REST API, relative to a conversation's service URL: send, reply, update in
/// place, delete, create conversations. Ids are escaped in paths (<c>19:…@thread.tacv2;messageid=…</c>).
/// Failures surface as <see cref="ChannelDeliveryException"/> (permanent or retry-later).
/// </summary>
/// <seealso href="https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference"/>
internal sealed class ConnectorClient(
    HttpClient http,
    BotAccessTokenSource tokens,
    ConnectorHostPolicy hosts,
    ConnectorRetry retry,
    BlockedConversations blocked,
    ILogger<ConnectorClient> logger)
{
    public async Task<ResourceResponse> SendAsync(string? serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        await CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, conversationId, ActivitiesPath(conversationId), activity, ct).ConfigureAwait(false)
        ?? new ResourceResponse(null);

    public async Task<ResourceResponse> ReplyAsync(string? serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        await CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, conversationId, ActivitiesPath(conversationId, replyToId), activity, ct).ConfigureAwait(false)
        ?? new ResourceResponse(null);

    public Task UpdateAsync(string? serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, conversationId, ActivitiesPath(conversationId, activityId), activity, ct);

    public Task DeleteAsync(string? serviceUrl, string conversationId, string activityId, CancellationToken ct) =>
        CallAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, conversationId, ActivitiesPath(conversationId, activityId), null, ct);

    /// <summary><c>POST v3/conversations</c>: a new channel thread or a 1:1 chat (see <see cref="ConversationParameters"/>).</summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string? serviceUrl, JsonObject parameters, CancellationToken ct) =>
        await CallAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, null, "v3/conversations", parameters, ct).ConfigureAwait(false)
        ?? throw new ChannelDeliveryException("create_conversation_without_id", permanent: false);

    /// <summary>
    /// <c>GET v3/conversations/{id}/pagedmembers</c>: one page of a conversation's members (a channel's are its team's),
    /// <paramref name="continuationToken"/> from the previous page.
    /// </summary>
    /// <seealso href="https://learn.microsoft.com/microsoftteams/platform/bots/how-to/get-teams-context#fetch-the-roster-or-user-profile"/>
    public async Task<PagedMembers> GetPagedMembersAsync(string? serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken ct)
    {
        var path = "v3/conversations/" + Uri.EscapeDataString(conversationId) + "/pagedmembers?pageSize=" +
            pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            (string.IsNullOrEmpty(continuationToken) ? "" : "&continuationToken=" + Uri.EscapeDataString(continuationToken));
        return await CallAsync<PagedMembers>(HttpMethod.Get, serviceUrl, null, path, null, ct).ConfigureAwait(false)
            ?? new PagedMembers([], null);
    }

    public static string ActivitiesPath(string conversationId, string? activityId = null)
    {
        var path = "v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities";
        return activityId is null ? path : path + "/" + Uri.EscapeDataString(activityId);
    }

    private async Task<T?> CallAsync<T>(HttpMethod method, string? serviceUrl, string? conversationId, string path, object? body, CancellationToken ct)
        where T : class
    {
        var target = new Uri(hosts.BaseFor(serviceUrl), path);
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, target);
            if (await tokens.GetTokenAsync(ct).ConfigureAwait(false) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ActivityJson.Options);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new ChannelDeliveryException("connector_unreachable", permanent: false, inner: ex);
            }
            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return response.Content.Headers.ContentLength == 0 || method == HttpMethod.Delete
                        ? null
                        : await ReadAsync<T>(response, ct).ConfigureAwait(false);
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken)
                {
                    // A token revoked or rotated early: fetch a new one once, then give up.
                    tokens.Invalidate();
                    refreshedToken = true;
                    attempt--;
                    continue;
                }
                var (code, subCode) = await ConnectorErrors.ReadAsync(response, ct).ConfigureAwait(false);
                if (ConnectorErrors.IsWritesBlocked(response.StatusCode, code, subCode))
                {
                    if (conversationId is not null)
                    {
                        // Recorded for every instance; the outbox's channel checks it before posting again.
                        await blocked.RecordAsync([conversationId], realm: null, code ?? subCode!, (int)response.StatusCode, ct).ConfigureAwait(false);
                    }
                    logger.LogWarning("Teams conversation {Conversation} refuses the bot's writes ({Code}); posts to it stop", conversationId, code ?? subCode);
                    throw new ChannelDeliveryException(ConnectorErrors.MessageWritesBlocked, permanent: true);
                }
                var retryAfter = retry.RetryAfter(response.Headers.RetryAfter);
                if (!ConnectorRetry.IsRetryable(response.StatusCode))
                {
                    var permanent = (int)response.StatusCode is >= 400 and < 500;
                    throw new ChannelDeliveryException(code ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), permanent, retryAfter);
                }
                if (attempt >= retry.MaxAttempts)
                {
                    throw new ChannelDeliveryException(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), permanent: false, retryAfter);
                }
                var delay = retry.DelayAfter(attempt, response.Headers.RetryAfter);
                logger.LogInformation("Connector answered {Status} to {Method}; retry {Attempt} in {Delay} ms",
                    (int)response.StatusCode, method.Method, attempt + 1, (int)delay.TotalMilliseconds);
                await retry.WaitAsync(delay, ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ActivityJson.Options, ct).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // A success without a readable body (some connectors answer PUT with an empty object or text) still succeeded.
            return null;
        }
    }
}
