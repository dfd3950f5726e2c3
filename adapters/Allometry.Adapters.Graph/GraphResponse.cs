namespace Allometry.Adapters.Graph;

using System.Net;
using System.Text.Json;

/// <summary>A Graph GET's outcome: the JSON on success, else the status (404 unknown, 403 refused).</summary>
internal sealed record GraphResponse(HttpStatusCode Status, JsonElement? Body)
{
    public bool Found => Body is not null;
}
