namespace Allometry.Adapters.DirectLine.Endpoints;

using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Allometry.Adapters.DirectLine.Conversations;
using Allometry.Adapters.DirectLine.Tokens;
using Microsoft.AspNetCore.Http;

/// <summary>
/// The conversation's WebSocket stream (<c>streamUrl</c>): the same <c>{activities, watermark}</c>
/// frames as polling, pushed as they arrive. The token travels in the <c>t</c> query parameter
/// because browsers cannot set headers on a WebSocket.
/// </summary>
internal static class StreamEndpoint
{
    public static async Task HandleAsync(HttpContext context, string conversationId, ConversationRegistry registry, DirectLineTokenService tokens)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status400BadRequest, "BadArgument", "A WebSocket upgrade is required.").ConfigureAwait(false);
            return;
        }
        if (ClientEndpoints.Authorize(context, conversationId, registry, tokens, context.Request.Query["t"].ToString()) is not { } found)
        {
            await HttpBodies.ErrorAsync(context, StatusCodes.Status403Forbidden, "TokenExpired", "The token is missing, invalid or for another conversation.").ConfigureAwait(false);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var conversation = found.Conversation;
        var listener = conversation.Listen();
        var watermark = long.TryParse(context.Request.Query["watermark"], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        // The client sends nothing but pings and its close; reading notices the close.
        var reading = DrainAsync(socket, closed);
        try
        {
            do
            {
                var (activities, next) = conversation.Since(watermark);
                if (activities.Count > 0)
                {
                    var frame = JsonSerializer.SerializeToUtf8Bytes(ClientEndpoints.ActivitySet(activities, next));
                    await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, closed.Token).ConfigureAwait(false);
                }
                watermark = next;
            }
            while (await listener.WaitToReadAsync(closed.Token).ConfigureAwait(false) && listener.TryRead(out _));
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            conversation.StopListening(listener);
            await closed.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
        // Answer the client's close (CloseReceived) or close first when the request ended (Open).
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        await closed.CancelAsync().ConfigureAwait(false);
    }
}
