namespace Allometry.Bot.Tests.Diagnostics;

using System.Text.Json;
using Allometry.Core.Aging;

/// <summary>Reads the report's JSON back with exact decimals.</summary>
internal static class ReportJson
{
    public static AgingAmounts Aging(JsonElement amounts) => new(
        amounts.GetProperty("current").GetDecimal(),
        amounts.GetProperty("days1To30").GetDecimal(),
        amounts.GetProperty("days31To60").GetDecimal(),
        amounts.GetProperty("days61To90").GetDecimal(),
        amounts.GetProperty("over90").GetDecimal());
}
