namespace Allometry.Adapters.Teams.Tests.Validation;

using System.Text.Json;
using System.Text.Json.Nodes;
using Allometry.Adapters.Teams.Cards;
using Allometry.Adapters.Teams.Tests.Cards;
using Xunit.Abstractions;

/// <summary>
/// Every card kind, built with the real builders in both languages and for every role, rendered in
/// both action modes and validated by the official <c>adaptivecards</c> package: zero errors.
/// </summary>
public sealed class AdaptiveCardsValidationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Render_EverySampleCardInBothModes_OfficialValidatorReportsNoErrors()
    {
        // Arrange
        var cards = new JsonArray();
        foreach (var (name, card) in SampleCards.All())
        {
            var teams = AdaptiveRenderOptions.Teams with { RefreshUserIds = ["29:1uMVvhoAyfTqdMsyvHL0qlJTTfQF9MOUSI8", "29:17bUvCasIPKfQIXHvNzcPjD86fwm6GkWc1PvCGP2"] };
            cards.Add(new JsonObject { ["name"] = name + "/execute", ["card"] = AdaptiveCardRenderer.Render(card, teams) });
            cards.Add(new JsonObject { ["name"] = name + "/submit", ["card"] = AdaptiveCardRenderer.Render(card, AdaptiveRenderOptions.WebChat) });
        }

        // Act
        var results = await ValidateAsync(cards);

        // Assert
        Assert.Equal(cards.Count, results.Count);
        foreach (var result in results.Where(r => r.Warnings.Count > 0))
        {
            output.WriteLine($"{result.Name}: {result.Warnings.Count} warning(s): {string.Join(" | ", result.Warnings.Distinct())}");
        }
        var failures = results.Where(r => r.Errors.Count > 0).Select(r => $"{r.Name}: {string.Join(" | ", r.Errors)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Validate_CardWithDuplicateIdsAndBareExecute_ValidatorReportsTheErrors()
    {
        // Arrange: what the renderer must never produce, to prove the validator catches it.
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = "note", ["label"] = "Note" };
        var bad = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(input, input.DeepClone(), new JsonObject { ["type"] = "Chart.Donut", ["data"] = new JsonArray() }),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = "snooze" }),
        };

        // Act
        var result = Assert.Single(await ValidateAsync(new JsonArray(new JsonObject { ["name"] = "bad", ["card"] = bad })));

        // Assert
        Assert.Contains(result.Errors, e => e.Contains("DuplicateId", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("without an Action.Submit fallback", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("Chart.Donut has no fallback", StringComparison.Ordinal));
    }

    internal static async Task<IReadOnlyList<ValidationResult>> ValidateAsync(JsonArray cards)
    {
        var file = Path.Combine(Path.GetTempPath(), $"allometry-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, cards.ToJsonString());
        try
        {
            var json = await NodeScript.RunAsync("validate-cards.js", file);
            return JsonSerializer.Deserialize<List<ValidationResult>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException("validate-cards.js printed nothing.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal sealed record ValidationResult(string Name, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
}
