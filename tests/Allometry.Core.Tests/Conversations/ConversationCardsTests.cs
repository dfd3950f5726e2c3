namespace Allometry.Core.Tests.Conversations;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Conversations;
using Allometry.Core.Localization;
using Allometry.Core.People;

public sealed class ConversationCardsTests
{
    [Theory]
    [InlineData(Language.En, "Subscribe this channel to the 07:30 morning digest")]
    [InlineData(Language.Fr, "Abonner ce canal au résumé du matin de 7 h 30")]
    public void Welcome_OfferSubscribe_ButtonWhosePayloadReadsBackAsSubscribe(Language language, string title)
    {
        // Act
        var card = ConversationCards.Welcome(language, offerSubscribe: true);

        // Assert
        var button = Assert.Single(card.Actions);
        Assert.Equal(title, button.Title);
        var data = CardActionPayload.ToData(button).ToDictionary(p => p.Key, p => (string?)p.Value);
        Assert.True(CardActionPayload.TryRead(data, out var verb, out var exception, out _));
        Assert.Equal(ActionVerb.Subscribe, verb);
        Assert.Null(exception);
        Assert.Equal("07:30", data[ConversationCards.AtKey]);
        Assert.Equal(language, card.Language);
    }

    [Fact]
    public void UnknownRealm_NoLocale_SaysItInBothLanguagesWithTheBindCommand()
    {
        var card = ConversationCards.UnknownRealm(Platform.Slack, "T0ACME", null);

        Assert.Contains("allometry channels bind --platform slack --realm T0ACME", card.Text, StringComparison.Ordinal);
        Assert.Contains("Un administrateur", card.Text, StringComparison.Ordinal);
        Assert.Contains("An Allometry administrator", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_French_ListsQuestionsThenCommands()
    {
        var card = ConversationCards.Help(Language.Fr);

        Assert.Contains("Combien est dû", card.Text, StringComparison.Ordinal);
        Assert.Contains("abonner matin 7h30", card.Text, StringComparison.Ordinal);
        Assert.Contains("Commandes", card.Text, StringComparison.Ordinal);
    }
}
