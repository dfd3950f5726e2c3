namespace Allometry.Core.Scoring;

using Allometry.Core.Localization;

// F1–F7 of domain.md §3, each a pure function of the stored inputs and the weights. Points are
// rounded to two decimals (half away from zero) here, once, so the score is their exact sum.
public static partial class RiskScorer
{
    private static decimal Round(decimal points) => decimal.Round(points, 2, MidpointRounding.AwayFromZero);

    private static RiskFactor Factor(RiskFactorKind kind, decimal points, decimal max, LocalizedText inputs, LocalizedText explanation) =>
        new($"F{(int)kind + 1}", kind, ScoringText.Name(kind), points, max, inputs, explanation);

    /// <summary>F1 = max · min(1, DBT / full days).</summary>
    private static RiskFactor OldestBeyondTerms(ScoreInputs inputs, ScoreWeights w)
    {
        var dbt = Math.Max(0, inputs.OldestDaysBeyondTerms);
        var points = Round(w.OldestBeyondTermsMax * Math.Min(1m, (decimal)dbt / w.OldestBeyondTermsFullDays));
        var p = ScoringText.Points(points);
        var max = ScoringText.Points(w.OldestBeyondTermsMax);
        if (dbt == 0)
        {
            return Factor(RiskFactorKind.OldestBeyondTerms, points, w.OldestBeyondTermsMax,
                new("No open invoice past due", "Aucune facture ouverte échue"),
                new($"Nothing is beyond terms: {p.En} points.", $"Rien n'est en retard : {p.Fr} point."));
        }
        var days = ScoringText.Days(dbt);
        var of = inputs.OldestInvoiceId is { } id ? $" ({id})" : "";
        return Factor(RiskFactorKind.OldestBeyondTerms, points, w.OldestBeyondTermsMax,
            new($"DBT {days.En}{of}", $"{days.Fr} après l'échéance{of}"),
            new($"The oldest open invoice is {days.En} beyond terms: {max.En} × min(1, {dbt}/{w.OldestBeyondTermsFullDays}) = {p.En} points.",
                $"La plus vieille facture ouverte a {days.Fr} de retard : {max.Fr} × min(1, {dbt}/{w.OldestBeyondTermsFullDays}) = {p.Fr} points."));
    }

    /// <summary>F2: bands of the amount-weighted average days late; no history scores its own points.</summary>
    private static RiskFactor PaymentHistory(ScoreInputs inputs, ScoreWeights w)
    {
        var history = inputs.History;
        var months = history.Months;
        if (history.IsEmpty)
        {
            var none = ScoringText.Points(w.HistoryNonePoints);
            return Factor(RiskFactorKind.PaymentHistory, w.HistoryNonePoints, w.HistoryMax,
                new($"No payment applied in the last {months} months", $"Aucun paiement imputé au cours des {months} derniers mois"),
                new($"No payment history to judge by: {none.En} points.", $"Aucun historique de paiement sur lequel se fonder : {none.Fr} points."));
        }
        var avg = history.AverageDaysLate;
        var (points, band) =
            avg <= w.HistoryOnTimeMaxDays ? (w.HistoryOnTimePoints, new LocalizedText($"at most {w.HistoryOnTimeMaxDays} days", $"{w.HistoryOnTimeMaxDays} jours ou moins"))
            : avg <= w.HistoryLateMaxDays ? (w.HistoryLatePoints, Band(w.HistoryOnTimeMaxDays + 1, w.HistoryLateMaxDays))
            : avg <= w.HistoryVeryLateMaxDays ? (w.HistoryVeryLatePoints, Band(w.HistoryLateMaxDays + 1, w.HistoryVeryLateMaxDays))
            : (w.HistorySeverePoints, new LocalizedText($"over {w.HistoryVeryLateMaxDays} days", $"plus de {w.HistoryVeryLateMaxDays} jours"));
        var days = ScoringText.Days(avg);
        var p = ScoringText.Points(points);
        return Factor(RiskFactorKind.PaymentHistory, points, w.HistoryMax,
            new($"weighted avg {days.En} late over {months} months on {ScoringText.Money(history.AppliedAmount, Language.En)}",
                $"retard moyen pondéré de {days.Fr} sur {months} mois, sur {ScoringText.Money(history.AppliedAmount, Language.Fr)}"),
            new($"Paid {band.En} late on average ({history.Applications} payment applications, weighted by amount): {p.En} points.",
                $"Paie en moyenne avec un retard de {band.Fr} ({history.Applications} imputations de paiement, pondérées par le montant) : {p.Fr} points."));

        static LocalizedText Band(int from, int to) => new($"{from}–{to} days", $"{from} à {to} jours");
    }

    /// <summary>F3 = max · clamp((recent average − history average) / full days, 0, 1); 0 without both histories.</summary>
    private static RiskFactor Trend(ScoreInputs inputs, ScoreWeights w)
    {
        var (recent, history) = (inputs.Recent, inputs.History);
        if (history.IsEmpty || recent.IsEmpty)
        {
            return Factor(RiskFactorKind.Trend, 0m, w.TrendMax,
                new($"No payment applied in the last {recent.Months} months to compare", $"Aucun paiement imputé au cours des {recent.Months} derniers mois à comparer"),
                new("No recent payments to show a trend: 0 points.", "Aucun paiement récent pour dégager une tendance : 0 point."));
        }
        var delta = recent.AverageDaysLate - history.AverageDaysLate;
        var points = Round(w.TrendMax * Math.Clamp((decimal)delta / w.TrendFullDays, 0m, 1m));
        var p = ScoringText.Points(points);
        var max = ScoringText.Points(w.TrendMax);
        var (r, h) = (ScoringText.Days(recent.AverageDaysLate), ScoringText.Days(history.AverageDaysLate));
        return Factor(RiskFactorKind.Trend, points, w.TrendMax,
            new($"last {recent.Months} months {r.En} late vs {h.En} over {history.Months} months",
                $"{r.Fr} de retard sur {recent.Months} mois contre {h.Fr} sur {history.Months} mois"),
            delta <= 0
                ? new($"Not paying later than its {history.Months}-month average: {p.En} points.",
                    $"Ne paie pas plus tard que sa moyenne sur {history.Months} mois : {p.Fr} point.")
                : new($"Paying {ScoringText.Days(delta).En} later than its {history.Months}-month average: {max.En} × clamp({delta}/{w.TrendFullDays}, 0, 1) = {p.En} points.",
                    $"Paie {ScoringText.Days(delta).Fr} plus tard que sa moyenne sur {history.Months} mois : {max.Fr} × borne({delta}/{w.TrendFullDays}, 0, 1) = {p.Fr} points."));
    }

    /// <summary>F4 = min(max, points per promise × broken promises).</summary>
    private static RiskFactor BrokenPromises(ScoreInputs inputs, ScoreWeights w)
    {
        var count = inputs.BrokenPromises.Count;
        var points = Round(Math.Min(w.PromiseMax, w.PromisePoints * count));
        var (p, each, max) = (ScoringText.Points(points), ScoringText.Points(w.PromisePoints), ScoringText.Points(w.PromiseMax));
        var window = w.PromiseWindowDays;
        if (count == 0)
        {
            return Factor(RiskFactorKind.BrokenPromises, points, w.PromiseMax,
                new($"No broken promise in {window} days", $"Aucune promesse non tenue en {window} jours"),
                new($"Every promise due in the window was kept: {p.En} points.", $"Toutes les promesses échues dans la période ont été tenues : {p.Fr} point."));
        }
        var which = ScoringText.Ids(inputs.BrokenPromises.Select(b => $"{b.InvoiceId ?? inputs.PayerId} {ScoringText.Iso(b.PromisedOn)}"));
        return Factor(RiskFactorKind.BrokenPromises, points, w.PromiseMax,
            new(count == 1 ? $"1 broken promise in {window} days ({which})" : $"{count} broken promises in {window} days ({which})",
                count == 1 ? $"1 promesse non tenue en {window} jours ({which})" : $"{count} promesses non tenues en {window} jours ({which})"),
            new($"{each.En} points per broken promise, at most {max.En}: {p.En} points.",
                $"{each.Fr} points par promesse non tenue, au plus {max.Fr} : {p.Fr} points."));
    }

    /// <summary>F5 = max · min(1, open AR / credit limit), or / the portfolio percentile balance without a limit.</summary>
    private static RiskFactor Exposure(ScoreInputs inputs, ScoreWeights w)
    {
        var open = inputs.OpenAr;
        var denominator = inputs.CreditLimit ?? inputs.PortfolioPercentileBalance;
        var ratio = open <= 0m ? 0m : denominator <= 0m ? 1m : Math.Min(1m, open / denominator);
        var points = Round(w.ExposureMax * ratio);
        var (p, max) = (ScoringText.Points(points), ScoringText.Points(w.ExposureMax));
        string M(decimal a, Language l) => ScoringText.Money(a, l);
        string N(decimal a, Language l) => ScoringText.Number(a, l);
        var percent = ScoringText.Percent(denominator <= 0m ? (open > 0m ? 1m : 0m) : open / denominator);
        var label = $"P{w.ExposurePercentile}";
        var stated = inputs.CreditLimit is { } limit
            ? new LocalizedText(
                $"open AR {M(open, Language.En)} against a credit limit of {M(limit, Language.En)} ({percent.En})",
                $"encours de {M(open, Language.Fr)} pour une limite de crédit de {M(limit, Language.Fr)} ({percent.Fr})")
            : new LocalizedText(
                $"open AR {M(open, Language.En)}, no credit limit: {label} of open balances {M(denominator, Language.En)} ({percent.En})",
                $"encours de {M(open, Language.Fr)}, sans limite de crédit : {label} des soldes ouverts {M(denominator, Language.Fr)} ({percent.Fr})");
        var explanation = open <= 0m
            ? new LocalizedText($"Nothing is owed: {p.En} points.", $"Rien n'est dû : {p.Fr} point.")
            : denominator <= 0m
                ? new LocalizedText($"Money is owed against no room at all: {p.En} points.", $"Une somme est due sans aucune marge de crédit : {p.Fr} points.")
                : new LocalizedText(
                    $"{max.En} × min(1, {N(open, Language.En)} / {N(denominator, Language.En)}) = {p.En} points.",
                    $"{max.Fr} × min(1, {N(open, Language.Fr)} / {N(denominator, Language.Fr)}) = {p.Fr} points.");
        return Factor(RiskFactorKind.Exposure, points, w.ExposureMax, stated, explanation);
    }

    /// <summary>F6 = short-pay points when a short pay is unresolved + dispute points when a dispute is open.</summary>
    private static RiskFactor ShortPayOrDispute(ScoreInputs inputs, ScoreWeights w)
    {
        var shortPaid = inputs.ShortPaidInvoiceIds.Count > 0;
        var points = Round((shortPaid ? w.ShortPayPoints : 0m) + (inputs.IsDisputed ? w.DisputePoints : 0m));
        var p = ScoringText.Points(points);
        var shortText = shortPaid
            ? new LocalizedText($"short pay unresolved ({ScoringText.Ids(inputs.ShortPaidInvoiceIds)})", $"paiement partiel non réglé ({ScoringText.Ids(inputs.ShortPaidInvoiceIds)})")
            : new LocalizedText("no unresolved short pay", "aucun paiement partiel non réglé");
        var disputeText = !inputs.IsDisputed
            ? new LocalizedText("no open dispute", "aucun litige ouvert")
            : inputs.DisputedInvoiceIds.Count > 0
                ? new LocalizedText($"open dispute ({ScoringText.Ids(inputs.DisputedInvoiceIds)})", $"litige ouvert ({ScoringText.Ids(inputs.DisputedInvoiceIds)})")
                : new LocalizedText("the whole account is disputed", "tout le compte est en litige");
        var (sp, dp) = (ScoringText.Points(w.ShortPayPoints), ScoringText.Points(w.DisputePoints));
        return Factor(RiskFactorKind.ShortPayOrDispute, points, w.ShortPayOrDisputeMax,
            ScoringText.Join([shortText, disputeText]),
            new($"{sp.En} points for an unresolved short pay + {dp.En} for an open dispute: {p.En} points.",
                $"{sp.Fr} points pour un paiement partiel non réglé + {dp.Fr} pour un litige ouvert : {p.Fr} points."));
    }

    /// <summary>F7 = min(max, points per flag × distinct flags raised by the payer's findings).</summary>
    private static RiskFactor Structural(ScoreInputs inputs, ScoreWeights w)
    {
        var flags = inputs.Structural.Select(s => s.Flag).Distinct().Order().ToList();
        var points = Round(Math.Min(w.StructuralMax, w.StructuralPoints * flags.Count));
        var (p, each, max) = (ScoringText.Points(points), ScoringText.Points(w.StructuralPoints), ScoringText.Points(w.StructuralMax));
        if (flags.Count == 0)
        {
            return Factor(RiskFactorKind.Structural, points, w.StructuralMax,
                new("No payer change, linked exposure, deposit gate or overdue retainage", "Aucun changement de payeur, exposition liée, acompte exigé ou retenue échue"),
                new($"No structural flag: {p.En} points.", $"Aucun facteur structurel : {p.Fr} point."));
        }
        var stated = ScoringText.Join(flags.Select(f =>
        {
            var rules = string.Join(", ", inputs.Structural.Where(s => s.Flag == f).Select(s => s.RuleId).Distinct().Order(StringComparer.Ordinal));
            var name = ScoringText.Flag(f);
            return new LocalizedText($"{name.En} ({rules})", $"{name.Fr} ({rules})");
        }));
        return Factor(RiskFactorKind.Structural, points, w.StructuralMax, stated,
            new($"{each.En} points per flag, at most {max.En}: {p.En} points.", $"{each.Fr} points par facteur, au plus {max.Fr} : {p.Fr} points."));
    }
}
