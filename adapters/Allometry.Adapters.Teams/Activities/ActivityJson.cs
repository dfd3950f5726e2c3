namespace Allometry.Adapters.Teams.Activities;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The one serializer configuration of the Bot Framework wire: camelCase, case-insensitive reads, nulls omitted.</summary>
internal static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
