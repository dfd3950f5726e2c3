namespace Allometry.Adapters.Slack.SocketMode;

using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Slack.Configuration;
using Allometry.Adapters.Slack.Inbound;
using Allometry.Adapters.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// Socket Mode: opens a WebSocket with <c>apps.connections.open</c> (app-level token), hands every
/// envelope (<c>events_api</c>, <c>interactive</c>, <c>slash_commands</c>) to the same
/// <see cref="SlackInbound"/> handlers as HTTP and acks it with its <c>envelope_id</c> (and the
/// response payload, e.g. a modal's inline errors). <c>disconnect</c> → reconnect at once to a fresh
/// URL; a failure → reconnect with exponential backoff and jitter.
/// </summary>
/// <seealso href="https://api.slack.com/apis/socket-mode"/>
internal sealed partial class SocketModeService(SlackWebApi api, SlackInbound inbound, SlackOptions options, TimeProvider time,
    ILogger<SocketModeService> logger) : BackgroundService
{
    private int _hellos;

    /// <summary>How many connections Slack has greeted with <c>hello</c> (tests wait on it).</summary>
    public int Hellos => Volatile.Read(ref _hellos);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool refreshRequested;
            try
            {
                var url = await api.OpenConnectionAsync(options.AppToken!, stoppingToken).ConfigureAwait(false);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                refreshRequested = await ServeAsync(socket, () => failures = 0, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or SlackApiException or HttpRequestException or JsonException or IOException)
            {
                LogConnectionFailed(logger, ex.GetType().Name, failures + 1);
                refreshRequested = false;
            }
            if (!refreshRequested)
            {
                failures++;
                await Task.Delay(Backoff(failures), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Serves one connection; true when Slack asked us to move to a fresh connection.</summary>
    private async Task<bool> ServeAsync(ClientWebSocket socket, Action greeted, CancellationToken ct)
    {
        using var sendLock = new SemaphoreSlim(1, 1);
        var pending = new List<Task>();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var text = await ReceiveTextAsync(socket, ct).ConfigureAwait(false);
                if (text is null)
                {
                    return false;
                }
                if (JsonNode.Parse(text) is not JsonObject frame)
                {
                    continue;
                }
                switch (SlackPayload.Str(frame["type"]))
                {
                    case "hello":
                        Interlocked.Increment(ref _hellos);
                        greeted();
                        LogHello(logger);
                        continue;
                    case "disconnect":
                        LogDisconnect(logger, SlackPayload.Str(frame["reason"]) ?? "unknown");
                        await CloseQuietlyAsync(socket).ConfigureAwait(false);
                        return true;
                }
                if (SlackPayload.Str(frame["envelope_id"]) is { } envelopeId)
                {
                    pending.RemoveAll(t => t.IsCompleted);
                    pending.Add(HandleEnvelopeAsync(socket, sendLock, envelopeId, frame, ct));
                }
            }
            return false;
        }
        finally
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, SemaphoreSlim sendLock, string envelopeId, JsonObject frame, CancellationToken ct)
    {
        try
        {
            var payload = frame["payload"] as JsonObject ?? [];
            var ack = SlackPayload.Str(frame["type"]) switch
            {
                "events_api" => await inbound.OnEventAsync(payload, ct).ConfigureAwait(false),
                "interactive" => await inbound.OnInteractionAsync(payload, ct).ConfigureAwait(false),
                "slash_commands" => inbound.OnCommand(payload.ToDictionary(p => p.Key, p => SlackPayload.Str(p.Value), StringComparer.Ordinal)),
                _ => SlackAck.BadRequest("envelope_type_unknown"),
            };
            if (ack.Status >= 400)
            {
                LogRefused(logger, ack.Reason ?? ack.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            var reply = new JsonObject { ["envelope_id"] = envelopeId };
            if (ack.Body is { } body && SlackPayload.Bool(frame["accepts_response_payload"]))
            {
                reply["payload"] = body;
            }
            var bytes = Encoding.UTF8.GetBytes(reply.ToJsonString());
            await sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection went away before the ack; Slack redelivers the envelope on the next one.
            LogAckLost(logger, ex.GetType().Name);
        }
    }

    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync(socket).ConfigureAwait(false);
                    return null;
                }
                message.Write(buffer, 0, result.Count);
                if (message.Length > 4 * 1024 * 1024)
                {
                    throw new WebSocketException("A Socket Mode frame exceeded 4 MiB.");
                }
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closing is a courtesy; the socket is dropped either way.
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = options.SocketReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = Math.Min(exponential, options.SocketReconnectMaxDelay.TotalMilliseconds);
        // Jitter so many bots restarting together do not reconnect in step.
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected (hello)")]
    private static partial void LogHello(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode disconnect requested: {Reason}; reconnecting")]
    private static partial void LogDisconnect(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection failed ({Error}), attempt {Attempt}")]
    private static partial void LogConnectionFailed(ILogger logger, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode envelope refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode ack lost: {Error}")]
    private static partial void LogAckLost(ILogger logger, string error);
}
