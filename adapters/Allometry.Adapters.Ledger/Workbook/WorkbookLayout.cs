namespace Allometry.Adapters.Ledger.Workbook;

using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Allometry.Core.Imports;

/// <summary>
/// The sheets and columns of the ledger workbook (shared/brief/import-format.md), with the
/// French and vendor headers accepted for each column. Aliases are compared after
/// <see cref="Normalize"/>, so <c>Numéro de facture</c> matches <c>numero_de_facture</c>.
/// </summary>
internal static class WorkbookLayout
{
    private static readonly string[] PayerId = ["client_id", "id_client", "no_client", "numero_client", "numero_de_client", "payeur_id", "id_payeur"];
    private static readonly string[] ProjectId = ["projet_id", "id_projet", "no_projet", "numero_projet", "numero_de_projet"];
    private static readonly string[] InvoiceId = ["no_facture", "numero_facture", "numero_de_facture", "facture_id", "id_facture"];
    private static readonly string[] Status = ["statut", "etat"];

    public static readonly FrozenDictionary<string, IReadOnlyList<WorkbookColumn>> Sheets = new Dictionary<string, IReadOnlyList<WorkbookColumn>>
    {
        [LedgerSheets.Meta] = [WorkbookColumn.Req("key", "cle"), WorkbookColumn.Req("value", "valeur")],
        [LedgerSheets.Payers] =
        [
            WorkbookColumn.Req("payer_id", PayerId), WorkbookColumn.Req("name", "nom", "raison_sociale"),
            WorkbookColumn.Opt("aliases", "alias", "autres_noms"), WorkbookColumn.Opt("province"),
            WorkbookColumn.Opt("gst_hst_number", "no_tps", "numero_tps", "no_tps_tvh", "numero_tps_tvh"),
            WorkbookColumn.Opt("qst_number", "no_tvq", "numero_tvq"),
            WorkbookColumn.Opt("credit_limit", "limite_credit", "limite_de_credit"),
            WorkbookColumn.Opt("language", "langue"), WorkbookColumn.Opt("email", "courriel"),
        ],
        [LedgerSheets.EntityLinks] =
        [
            WorkbookColumn.Req("from_payer_id", "de_payeur_id", "de_client_id"), WorkbookColumn.Req("to_payer_id", "a_payeur_id", "a_client_id"),
            WorkbookColumn.Req("kind", "type", "genre"), WorkbookColumn.Opt("effective_date", "date_effective", "date_d_effet"),
            WorkbookColumn.Opt("note", "remarque"),
        ],
        [LedgerSheets.Projects] =
        [
            WorkbookColumn.Req("project_id", ProjectId), WorkbookColumn.Req("name", "nom"),
            WorkbookColumn.Req("site_province", "province_chantier", "province_du_chantier"),
            WorkbookColumn.Opt("site_city", "ville_chantier", "ville_du_chantier"), WorkbookColumn.Opt("pm_email", "courriel_cp", "courriel_charge_de_projet"),
            WorkbookColumn.Req("contract_payer_id", "payeur_contrat_id", "client_contrat_id"),
            WorkbookColumn.Opt("current_payer_id", "payeur_actuel_id", "client_actuel_id"),
            WorkbookColumn.Opt("supply_type", "type_fourniture", "type_de_fourniture"),
            WorkbookColumn.Opt("deposit_pct", "acompte_pct", "pct_acompte"), WorkbookColumn.Opt("retainage_pct", "retenue_pct", "pct_retenue"),
            WorkbookColumn.Opt("release_rule", "regle_liberation", "regle_de_liberation"), WorkbookColumn.Opt("release_days", "jours_liberation"),
            WorkbookColumn.Opt("contract_date", "date_contrat", "date_du_contrat"), WorkbookColumn.Opt("csp_published_on"),
            WorkbookColumn.Opt("reception_on", "date_reception", "reception_des_travaux"),
            WorkbookColumn.Opt("fin_travaux_on", "fin_des_travaux", "date_fin_travaux"),
            WorkbookColumn.Opt("completed_on", "date_achevement", "acheve_le"), WorkbookColumn.Opt("status", Status),
        ],
        [LedgerSheets.Deliveries] =
        [
            WorkbookColumn.Req("project_id", ProjectId), WorkbookColumn.Req("milestone", "jalon", "etape"),
            WorkbookColumn.Req("scheduled_on", "date_prevue", "prevue_le"), WorkbookColumn.Opt("delivered_on", "date_livraison", "livree_le"),
            WorkbookColumn.Opt("status", Status),
        ],
        [LedgerSheets.Quotes] =
        [
            WorkbookColumn.Req("quote_id", "soumission_id", "no_soumission", "numero_soumission"), WorkbookColumn.Req("project_id", ProjectId),
            WorkbookColumn.Opt("payer_id", PayerId), WorkbookColumn.Opt("quote_date", "date_soumission"),
            WorkbookColumn.Opt("accepted_on", "date_acceptation", "acceptee_le"),
            WorkbookColumn.Req("total_ex_tax", "total_avant_taxes", "montant_avant_taxes"),
            WorkbookColumn.Opt("deposit_pct", "acompte_pct", "pct_acompte"), WorkbookColumn.Opt("status", Status),
        ],
        [LedgerSheets.Invoices] =
        [
            WorkbookColumn.Req("invoice_id", InvoiceId), WorkbookColumn.Req("payer_id", PayerId), WorkbookColumn.Opt("project_id", ProjectId),
            WorkbookColumn.Req("kind", "type", "genre"), WorkbookColumn.Req("issue_date", "date_facture", "date_de_facture", "date_emission", "date_de_facturation"),
            WorkbookColumn.Req("due_date", "date_echeance", "date_d_echeance", "echeance"), WorkbookColumn.Req("subtotal", "sous_total"),
            WorkbookColumn.Opt("gst", "tps"), WorkbookColumn.Opt("hst", "tvh"), WorkbookColumn.Opt("qst", "tvq"), WorkbookColumn.Opt("pst", "tvp"),
            WorkbookColumn.Req("total"), WorkbookColumn.Req("balance", "solde", "solde_du"),
            WorkbookColumn.Opt("retainage_held", "retenue", "montant_retenu"),
            WorkbookColumn.Opt("tax_province", "province_taxe", "province_de_taxation"),
            WorkbookColumn.Opt("registration_numbers", "numeros_inscription", "numeros_d_inscription"),
            WorkbookColumn.Opt("currency", "devise"), WorkbookColumn.Opt("status", Status),
        ],
        [LedgerSheets.Payments] =
        [
            WorkbookColumn.Req("payment_id", "paiement_id", "no_paiement", "numero_paiement"), WorkbookColumn.Req("payer_id", PayerId),
            WorkbookColumn.Req("received_on", "date_paiement", "recu_le", "date_reception"), WorkbookColumn.Req("amount", "montant"),
            WorkbookColumn.Opt("reference"), WorkbookColumn.Opt("method", "mode", "mode_de_paiement", "methode"),
        ],
        [LedgerSheets.PaymentApplications] =
        [
            WorkbookColumn.Req("payment_id", "paiement_id", "no_paiement", "numero_paiement"), WorkbookColumn.Req("invoice_id", InvoiceId),
            WorkbookColumn.Req("amount", "montant", "montant_applique"),
        ],
        [LedgerSheets.Retainage] =
        [
            WorkbookColumn.Req("project_id", ProjectId), WorkbookColumn.Opt("invoice_id", InvoiceId),
            WorkbookColumn.Req("held_amount", "montant_retenu", "retenue"), WorkbookColumn.Opt("release_due_on", "liberation_prevue_le", "date_liberation_prevue"),
            WorkbookColumn.Opt("released_on", "liberee_le", "date_liberation"), WorkbookColumn.Opt("release_invoice_id", "facture_liberation_id", "no_facture_liberation"),
            WorkbookColumn.Opt("collected_on", "encaissee_le", "date_encaissement"),
        ],
        [LedgerSheets.ServiceContracts] =
        [
            WorkbookColumn.Req("contract_id", "contrat_id", "no_contrat", "numero_contrat"), WorkbookColumn.Req("payer_id", PayerId),
            WorkbookColumn.Opt("project_id", ProjectId), WorkbookColumn.Req("annual_fee", "frais_annuels", "montant_annuel"),
            WorkbookColumn.Req("renewal_date", "date_renouvellement", "date_de_renouvellement"),
            WorkbookColumn.Opt("service_active", "service_actif", "actif"),
            WorkbookColumn.Opt("last_renewal_invoice_id", "derniere_facture_renouvellement", "no_derniere_facture_renouvellement"),
        ],
        [LedgerSheets.Promises] =
        [
            WorkbookColumn.Req("payer_id", PayerId), WorkbookColumn.Opt("invoice_id", InvoiceId),
            WorkbookColumn.Req("promised_on", "promis_le", "date_promise"), WorkbookColumn.Req("promised_amount", "montant_promis"),
            WorkbookColumn.Opt("recorded_on", "inscrit_le", "date_inscription"),
        ],
        [LedgerSheets.BankTransactions] =
        [
            WorkbookColumn.Opt("transaction_id", "no_transaction", "operation_id"), WorkbookColumn.Req("posted_on", "date_operation", "date_inscription", "date"),
            WorkbookColumn.Req("amount", "montant"), WorkbookColumn.Opt("description", "libelle"), WorkbookColumn.Opt("reference"),
            WorkbookColumn.Opt("account", "compte"),
        ],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The contract name of a sheet named <paramref name="name"/> (case and spacing ignored), or null.</summary>
    public static string? SheetFor(string name)
    {
        var key = Normalize(name);
        return Sheets.ContainsKey(key) ? key : null;
    }

    /// <summary>Trimmed, lower case, accents removed, spaces, hyphens, dots and apostrophes as underscores.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var mapped = c is ' ' or '-' or '.' or '\'' or '\u2019' or '\u00A0' or '#' ? '_' : c;
            if (mapped == '_' && (sb.Length == 0 || sb[^1] == '_')) continue;
            sb.Append(mapped);
        }
        return sb.ToString().TrimEnd('_');
    }
}
