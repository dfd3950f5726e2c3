namespace Allometry.Core.Diagnostics;

using System.Text;
using Allometry.Core.Localization;

/// <summary>
/// The catalogue's rules (domain.md §4) as a person names them, in both languages, and the topic
/// each belongs to. A rule added later without an entry here gets its id split into words and
/// the collections topic, so the report never fails on a new rule.
/// </summary>
public static class RuleNames
{
    private static readonly Dictionary<string, (LocalizedText Name, DiagnosticTopic Topic)> Known = new(StringComparer.Ordinal)
    {
        ["DepositGateUnpaid"] = (new("Deposit unpaid before delivery", "Acompte impayé avant la livraison"), DiagnosticTopic.Deposits),
        ["DepositNotInvoiced"] = (new("Deposit not invoiced", "Acompte non facturé"), DiagnosticTopic.Deposits),
        ["UnappliedDeposit"] = (new("Deposit or credit not applied", "Acompte ou crédit non appliqué"), DiagnosticTopic.Deposits),
        ["HoldbackReleaseDue"] = (new("Holdback release due (ON)", "Retenue à libérer (ON)"), DiagnosticTopic.Retainage),
        ["RetenueReleaseDue"] = (new("Retenue release due (QC)", "Retenue contractuelle à libérer (QC)"), DiagnosticTopic.Retainage),
        ["HypothecDeadline"] = (new("Legal hypothec deadline (QC)", "Échéance de l'hypothèque légale (QC)"), DiagnosticTopic.Retainage),
        ["RetainageNeverInvoiced"] = (new("Retainage never invoiced", "Retenue jamais facturée"), DiagnosticTopic.Retainage),
        ["RetainageAgedMisclassified"] = (new("Retainage aged as overdue", "Retenue classée comme en souffrance"), DiagnosticTopic.Retainage),
        ["SuspectedRetainage"] = (new("Suspected retainage in the aging", "Retenue présumée dans le classement chronologique"), DiagnosticTopic.Retainage),
        ["PromptPaymentBreach"] = (new("Prompt payment breach (ON)", "Manquement au paiement rapide (ON)"), DiagnosticTopic.Retainage),
        ["TaxProvinceMismatch"] = (new("Tax of the wrong province", "Taxes de la mauvaise province"), DiagnosticTopic.Tax),
        ["QstBaseError"] = (new("QST on the wrong base", "TVQ calculée sur la mauvaise base"), DiagnosticTopic.Tax),
        ["StaleNsRate"] = (new("Stale Nova Scotia HST rate", "Ancien taux de TVH de la Nouvelle-Écosse"), DiagnosticTopic.Tax),
        ["MissingRegistrationNumber"] = (new("Missing tax registration number", "Numéro d'inscription aux taxes manquant"), DiagnosticTopic.Tax),
        ["QuoteInvoiceVariance"] = (new("Quote-to-invoice variance", "Écart entre la soumission et la facturation"), DiagnosticTopic.QuoteVariance),
        ["PayerChangeExposure"] = (new("Payer changed mid-project", "Changement de payeur en cours de projet"), DiagnosticTopic.LinkedEntities),
        ["LinkedGroupOverLimit"] = (new("Linked group over its credit limit", "Groupe lié au-delà de sa limite de crédit"), DiagnosticTopic.LinkedEntities),
        ["RenewalPrebillDue"] = (new("Renewal to pre-bill", "Renouvellement à préfacturer"), DiagnosticTopic.Renewals),
        ["BrokenPromise"] = (new("Broken promise to pay", "Promesse de paiement non tenue"), DiagnosticTopic.Collections),
        ["ShortPayUnresolved"] = (new("Unresolved short payment", "Paiement partiel non résolu"), DiagnosticTopic.Collections),
        ["UnappliedCash"] = (new("Unapplied cash", "Encaissement non appliqué"), DiagnosticTopic.Collections),
        ["OverdueInvoice"] = (new("Overdue invoice", "Facture en souffrance"), DiagnosticTopic.Collections),
        ["AgingConcentration"] = (new("Receivables concentration", "Concentration des comptes clients"), DiagnosticTopic.Collections),
    };

    /// <summary>True when the rule has a written name in both languages (not one made from its id).</summary>
    public static bool IsNamed(string ruleId) => Known.ContainsKey(ruleId);

    /// <summary>The rule's name in both languages.</summary>
    public static LocalizedText Of(string ruleId) =>
        Known.TryGetValue(ruleId, out var known) ? known.Name : new LocalizedText(Words(ruleId), Words(ruleId));

    /// <summary>The section the rule's findings appear in.</summary>
    public static DiagnosticTopic TopicOf(string ruleId) =>
        Known.TryGetValue(ruleId, out var known) ? known.Topic : DiagnosticTopic.Collections;

    // "UnappliedCash" → "Unapplied cash".
    private static string Words(string id)
    {
        var text = new StringBuilder(id.Length + 8);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(id[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }
}
