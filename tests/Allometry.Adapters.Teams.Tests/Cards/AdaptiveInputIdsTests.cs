namespace Allometry.Adapters.Teams.Tests.Cards;

using Allometry.Adapters.Teams.Cards;

public sealed class AdaptiveInputIdsTests
{
    [Fact]
    public void Unscope_ScopedInputValues_ComeBackUnderTheirCardInputIds()
    {
        // Arrange
        var submitted = new Dictionary<string, string?>
        {
            ["verb"] = "record_promise",
            ["exception"] = "4211",
            ["version"] = "3",
            [AdaptiveInputIds.Scoped("record_promise", 6, "amount")] = "1 234,56",
            [AdaptiveInputIds.Scoped("record_promise", 6, "date")] = "2026-12-01",
        };

        // Act
        var data = AdaptiveInputIds.Unscope(submitted);

        // Assert
        Assert.Equal(new Dictionary<string, string?>
        {
            ["verb"] = "record_promise", ["exception"] = "4211", ["version"] = "3", ["amount"] = "1 234,56", ["date"] = "2026-12-01",
        }, data);
    }

    [Fact]
    public void Unscope_InputNamedLikeAPayloadKey_ThePayloadWins()
    {
        // Arrange
        var submitted = new Dictionary<string, string?> { ["verb"] = "snooze", ["snooze2.verb"] = "release_retainage", ["days"] = "3" };

        // Act
        var data = AdaptiveInputIds.Unscope(submitted);

        // Assert
        Assert.Equal("snooze", data["verb"]);
        Assert.Equal(2, data.Count);
    }

    [Fact]
    public void Unscope_KeysThatAreNotScoped_AreKeptAsTheyAre()
    {
        // Arrange
        var submitted = new Dictionary<string, string?> { ["question"] = "what's owed on v2.1?", ["a.b.c"] = "x", ["subject"] = "P-013" };

        // Act
        var data = AdaptiveInputIds.Unscope(submitted);

        // Assert
        Assert.Equal(submitted, data);
    }
}
