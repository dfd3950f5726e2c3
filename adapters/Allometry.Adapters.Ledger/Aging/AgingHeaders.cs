namespace Allometry.Adapters.Ledger.Aging;

using System.Collections.Frozen;

/// <summary>
/// Header spellings of the native exports, English and French, after <see cref="AgingText.Normalize"/>
/// with dots removed (<c>No.</c> and <c>No</c> are one header). The French flag marks spellings
/// only a French report uses; it decides the language of the batch.
/// </summary>
internal static class AgingHeaders
{
    private static readonly FrozenDictionary<string, (AgingColumnRole Role, bool French)> Aliases = Build();

    /// <summary>The role of a normalized header, if it is one of the known spellings.</summary>
    public static bool TryGetRole(string normalizedHeader, out AgingColumnRole role, out bool french)
    {
        var found = Aliases.TryGetValue(normalizedHeader.Replace(".", "", StringComparison.Ordinal).Trim(), out var entry);
        (role, french) = found ? entry : (default, false);
        return found;
    }

    /// <summary>True when a bucket header is written in French (<c>1 à 30</c>, <c>Plus de 90</c>, <c>&gt; 45 jours</c>).</summary>
    public static bool IsFrenchBucket(string normalizedHeader) =>
        FrenchBucketWords.Any(w => normalizedHeader.Contains(w, StringComparison.Ordinal));

    private static readonly string[] FrenchBucketWords = ["jour", " a ", " au ", "plus de", "courant", "actuel", "moins de", "ancien", "et plus", "echoir", "echu"];

    private static FrozenDictionary<string, (AgingColumnRole, bool)> Build()
    {
        var map = new Dictionary<string, (AgingColumnRole, bool)>(StringComparer.Ordinal);
        void En(AgingColumnRole role, params string[] names) { foreach (var n in names) map[n] = (role, false); }
        void Fr(AgingColumnRole role, params string[] names) { foreach (var n in names) map[n] = (role, true); }

        En(AgingColumnRole.Customer, "customer", "customer name", "customer full name", "name", "contact", "contact name", "debtor", "account name");
        Fr(AgingColumnRole.Customer, "client", "nom du client", "nom de client", "nom", "nom du contact", "debiteur");
        En(AgingColumnRole.Total, "total", "total balance", "total due", "balance total");
        Fr(AgingColumnRole.Total, "total du", "solde total", "montant total");
        En(AgingColumnRole.Balance, "balance", "open balance", "balance due", "amount due", "outstanding", "outstanding balance", "open amount");
        Fr(AgingColumnRole.Balance, "solde", "solde ouvert", "solde du", "solde impaye", "solde restant", "montant du", "montant impaye", "solde a payer");
        En(AgingColumnRole.Amount, "amount", "invoice amount", "original amount", "transaction amount");
        Fr(AgingColumnRole.Amount, "montant", "montant de la facture", "montant initial", "montant d'origine");
        En(AgingColumnRole.Date, "date", "invoice date", "transaction date", "txn date", "document date");
        Fr(AgingColumnRole.Date, "date de facture", "date de la facture", "date de transaction", "date de la transaction", "date du document", "date de l'operation");
        En(AgingColumnRole.DueDate, "due date", "due");
        Fr(AgingColumnRole.DueDate, "date d'echeance", "echeance", "date echeance", "date limite");
        En(AgingColumnRole.Number, "num", "no", "number", "#", "transaction#", "transaction #", "transaction number", "transaction no",
            "invoice#", "invoice #", "invoice number", "invoice no", "doc no", "document number", "ref no", "ref #");
        Fr(AgingColumnRole.Number, "n°", "n° de facture", "no de facture", "numero", "numero de facture", "n° de transaction",
            "no de transaction", "numero de transaction", "n° de document", "numero de document");
        En(AgingColumnRole.Type, "type", "transaction type", "txn type", "document type");
        Fr(AgingColumnRole.Type, "type de transaction", "type d'operation", "type de document");
        En(AgingColumnRole.Age, "age", "age (days)", "days", "age in days");
        Fr(AgingColumnRole.Age, "age (jours)", "jours", "anciennete");
        En(AgingColumnRole.PastDue, "past due", "days past due", "days overdue");
        Fr(AgingColumnRole.PastDue, "jours de retard", "jours en souffrance", "retard");
        En(AgingColumnRole.Status, "status");
        Fr(AgingColumnRole.Status, "statut", "etat");
        En(AgingColumnRole.CreditLimit, "credit limit");
        Fr(AgingColumnRole.CreditLimit, "limite de credit");
        En(AgingColumnRole.Reference, "reference", "customer reference", "account", "account no", "customer code", "customer id", "customer #");
        Fr(AgingColumnRole.Reference, "reference du client", "code client", "no de client", "n° de client", "numero de client", "compte");
        En(AgingColumnRole.Ignored, "total (fcy)", "total (bcy)", "fcy total", "currency", "currency code", "memo/description", "memo",
            "description", "terms", "location", "class", "phone", "email", "salesperson", "sales person", "project");
        Fr(AgingColumnRole.Ignored, "total (devise etrangere)", "devise", "conditions", "conditions de paiement", "emplacement",
            "categorie", "telephone", "courriel", "representant", "projet", "note");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
