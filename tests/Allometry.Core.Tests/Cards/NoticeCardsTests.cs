namespace Allometry.Core.Tests.Cards;

using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Localization;

public sealed class NoticeCardsTests
{
    [Fact]
    public void Refusal_French_IsAWarningInFrench()
    {
        var card = NoticeCards.Refusal(Language.Fr, new LocalizedText("Only finance can release retainage.", "Seules les finances peuvent libérer la retenue."));

        Assert.Equal(NoticeKind.Warning, card.Kind);
        Assert.Equal("Action non permise", card.Title);
        Assert.Equal("Seules les finances peuvent libérer la retenue.", card.Text);
    }

    [Fact]
    public void Error_CarriesReferenceInCardAndFallback()
    {
        var card = NoticeCards.Error(Language.En, "ref-123");

        Assert.Equal(NoticeKind.Error, card.Kind);
        Assert.Equal("ref-123", card.ReferenceId);
        Assert.EndsWith("(ref-123)", card.FallbackText, StringComparison.Ordinal);
    }
}
