namespace Allometry.Core.Tests.Cards;

using Allometry.Core.Actions;
using Allometry.Core.Cards;
using Allometry.Core.Cards.Building;
using Allometry.Core.Exceptions;
using Allometry.Core.Localization;
using Allometry.Core.People;
using Allometry.Core.Rules;
using Allometry.Core.Scoring;

public sealed class ExceptionCardBuilderTests
{
    private static readonly IReadOnlyList<CardChoice> Successors = [new CardChoice("Développements Laval inc.", "P-013")];

    [Fact]
    public void Build_Viewer_SeesNoActions()
    {
        var card = ExceptionCardBuilder.Build(Retainage(), null, new CardViewer(Role.Viewer, Language.En), Successors);

        Assert.Empty(card.Actions);
    }

    [Fact]
    public void Build_CoordinatorOnRetainage_QueueWorkButNoRelease()
    {
        var card = ExceptionCardBuilder.Build(Retainage(), null, new CardViewer(Role.Coordinator, Language.En), Successors);
        var verbs = card.Actions.Select(a => a.Verb).ToHashSet();

        Assert.Contains(ActionVerb.Snooze, verbs);
        Assert.Contains(ActionVerb.Escalate, verbs);
        Assert.Contains(ActionVerb.Reroute, verbs);
        Assert.Contains(ActionVerb.AssignToMe, verbs);
        Assert.Contains(ActionVerb.RecordPromise, verbs);
        Assert.Contains(ActionVerb.Dismiss, verbs);
        Assert.DoesNotContain(ActionVerb.ReleaseRetainage, verbs);
        Assert.Equal(["1", "3", "7", "14"], card.Actions.Where(a => a.Verb == ActionVerb.Snooze && a.Data.ContainsKey("days")).Select(a => a.Data["days"]));
        Assert.Contains(card.Actions, a => a.Verb == ActionVerb.Snooze && a.Inputs.Any(i => i.Id == "until" && i.Kind == CardInputKind.Date));
        Assert.All(card.Actions, a => Assert.Equal(4, a.ExceptionVersion));
    }

    [Fact]
    public void Build_FinanceOnRetainage_OffersReleaseWithAmountDateAndConfirmation()
    {
        var card = ExceptionCardBuilder.Build(Retainage(), null, new CardViewer(Role.Finance, Language.Fr), Successors);

        var release = Assert.Single(card.Actions, a => a.Verb == ActionVerb.ReleaseRetainage);
        Assert.Equal(["amount", "date"], release.Inputs.Select(i => i.Id));
        Assert.Equal("12345.67", release.Inputs[0].Value);
        Assert.Contains("12\u00A0345,67\u00A0$", release.Confirmation, StringComparison.Ordinal);
        var reroute = Assert.Single(card.Actions, a => a.Verb == ActionVerb.Reroute);
        Assert.Equal("P-013", Assert.Single(reroute.Inputs[0].Choices).Value);
        Assert.Equal("payer", reroute.Inputs[0].Id);
    }

    [Fact]
    public void Build_FinanceOnNonRetainageRule_OffersNoRelease()
    {
        var card = ExceptionCardBuilder.Build(Retainage() with { RuleId = "OverdueInvoice" }, null, new CardViewer(Role.Finance, Language.En), []);

        Assert.DoesNotContain(card.Actions, a => a.Verb == ActionVerb.ReleaseRetainage);
        Assert.DoesNotContain(card.Actions, a => a.Verb == ActionVerb.Reroute);
    }

    [Fact]
    public void Build_ProjectManager_OwnProjectNotesAndPromisesOtherProjectNothing()
    {
        var own = ExceptionCardBuilder.Build(Retainage(), null, new CardViewer(Role.ProjectManager, Language.En, OwnProject: true), Successors);
        var other = ExceptionCardBuilder.Build(Retainage(), null, new CardViewer(Role.ProjectManager, Language.En, OwnProject: false), Successors);

        Assert.Equal([ActionVerb.AddNote, ActionVerb.RecordPromise], own.Actions.Select(a => a.Verb));
        Assert.Empty(other.Actions);
    }

    [Fact]
    public void Build_French_FormatsMoneyAndTextInFrench()
    {
        var card = ExceptionCardBuilder.Build(Retainage(), null, new CardViewer(Role.Coordinator, Language.Fr), []);

        Assert.Equal("12\u00A0345,67\u00A0$", card.AmountText);
        Assert.Equal("Retenue non facturée", card.Title);
        Assert.Equal("Élevée", card.SeverityLabel);
        Assert.Contains(card.Facts, f => f.Label == "Payeur" && f.Value == "Construction Boréal (P-001)");
        Assert.Contains("attendu 12345.67, trouvé 0.00", card.Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SnoozedAndEscalated_StatusLineSaysSo()
    {
        var input = Retainage() with
        {
            Status = ExceptionStatus.Snoozed, SnoozedUntil = new DateOnly(2026, 11, 24), SnoozeReason = "waiting for the cheque",
            EscalatedTo = "finance",
        };

        var card = ExceptionCardBuilder.Build(input, null, new CardViewer(Role.Coordinator, Language.En), []);

        Assert.Equal("Snoozed until 2026-11-24 (waiting for the cheque) · Escalated to finance", card.StatusLine);
    }

    [Fact]
    public void Build_Dismissed_NoActionsAndOpenHasNoStatusLine()
    {
        var dismissed = ExceptionCardBuilder.Build(Retainage() with { Status = ExceptionStatus.Dismissed }, null, new CardViewer(Role.Finance, Language.En), []);
        var open = ExceptionCardBuilder.Build(Retainage(), null, new CardViewer(Role.Finance, Language.En), []);

        Assert.Empty(dismissed.Actions);
        Assert.Null(open.StatusLine);
    }

    [Fact]
    public void Build_WithRiskScore_ShowsFactorsInLanguage()
    {
        var risk = new RiskScore
        {
            PayerId = "P-001", AsOf = new DateOnly(2026, 11, 20), Score = 62.5m, Tier = RiskTier.High, WeightsVersion = "test",
            Factors = [new RiskFactor("F2", RiskFactorKind.PaymentHistory, new LocalizedText("Payment history", "Historique de paiement"), 14m, 20m,
                new LocalizedText("52 days", "52 jours"), new LocalizedText("52 days late on average", "52 jours de retard en moyenne"))],
            Inputs = null!,
            Summary = new LocalizedText("62.5", "62,5"),
        };

        var card = ExceptionCardBuilder.Build(Retainage(), risk, new CardViewer(Role.Viewer, Language.Fr), []);

        Assert.Equal(62.5m, card.Score);
        Assert.Equal("Élevé", card.Tier);
        var factor = Assert.Single(card.ScoreFactors);
        Assert.Equal("Historique de paiement", factor.Name);
        Assert.Equal("52 jours de retard en moyenne", factor.Explanation);
    }

    internal static ExceptionCardInput Retainage() => new()
    {
        ExceptionId = 42,
        Version = 4,
        RuleId = "RetainageNeverInvoiced",
        Severity = Severity.High,
        AmountAtRisk = 12345.67m,
        Title = new LocalizedText("Retainage never invoiced", "Retenue non facturée"),
        Detail = new LocalizedText("Holdback of 12,345.67 never invoiced.", "Retenue de 12 345,67 $ jamais facturée."),
        SuggestedAction = new LocalizedText("Invoice the release.", "Facturer la libération."),
        Evidence = [new Evidence("invoices", "INV-10412", "retainage", "12345.67", "0.00")],
        PayerId = "P-001",
        PayerName = "Construction Boréal",
        ProjectId = "PRJ-1099",
    };
}
