namespace Allometry.Adapters.Teams.Tests.Messages;

using System.Net;
using System.Text;
using Allometry.Adapters.Teams.Messages;
using Allometry.Adapters.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Allometry.Testing;

[Collection(PostgresCollection.Name)]
public sealed class MessagesHandlerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task HandleAsync_LocalModeFromAnotherMachine_Returns401AndChangesNothing()
    {
        // Arrange: no app id, so no authentication, which is only acceptable from this machine.
        var conversation = new RecordingConversation();
        await using var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation, localMode: true);
        var handler = harness.Host.Get<MessagesHandler>();
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Captures.PersonalMessage(harness.Fake.ServiceUrl, "help").ToJsonString()));

        // Act
        await handler.HandleAsync(context);
        await Task.Delay(150);

        // Assert
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal(0, conversation.Total);
        Assert.Empty(harness.Fake.ConnectorCalls);
    }

    [Fact]
    public async Task StopAsync_AcknowledgedMessages_AreAnsweredBeforeTheHostStops()
    {
        // Arrange: 20 answers of 200 ms each on 8 workers are still in flight when the stop begins.
        var conversation = new RecordingConversation { MessageDelay = TimeSpan.FromMilliseconds(200) };
        var harness = await TeamsHarness.StartAsync(postgres.DataSource, conversation);
        var ids = Enumerable.Range(1, 20).Select(i => "1767765500" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            using var response = await harness.PostAsync(Captures.PersonalMessage(harness.Fake.ServiceUrl, "help", id: id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Act
        await harness.Host.App.StopAsync();

        // Assert
        Assert.Equal(ids.Count, conversation.Messages.Count);
        Assert.Equal(ids.Count, harness.Fake.Delivered.Count);
        await harness.DisposeAsync();
    }
}
