namespace Allometry.Core.Imports;

using System.Globalization;
using System.Text;
using Allometry.Core.Ledger;

/// <summary>
/// Merges the batches of one import — a ledger workbook and native aging exports, or several
/// exports — into one batch, without reading anything: sequences stay lazy and are concatenated.
/// <list type="bullet">
/// <item>Meta: the workbook's (a batch whose <see cref="LedgerBatch.PresentSheets"/> has <c>meta</c>),
/// else the first batch's; every batch must share its as-of date, else
/// <see cref="ImportIssueCode.AsOfMismatch"/> is thrown.</item>
/// <item>Sources are concatenated; each record's <see cref="RowRef.SourceIndex"/> is rebased.</item>
/// <item>Payers of a batch without <c>meta</c> (derived from customer names) are resolved to a
/// workbook payer whose name or alias has the same <see cref="NameKey"/>, and everything that
/// pointed to them is re-pointed; unresolved ones are kept, deduplicated across exports by the
/// same key. A name matching several workbook payers is kept apart with
/// <see cref="ImportIssueCode.AgingPayerAmbiguous"/>.</item>
/// <item>Issues the inputs collect while their sequences are read are forwarded to the combined
/// <see cref="LedgerBatch.Issues"/> as each combined sequence finishes.</item>
/// </list>
/// The payers (small next to invoices) are held once resolved; everything else streams.
/// </summary>
public static class LedgerBatchCombiner
{
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "incorporee", "ltd", "ltee", "limited", "limitee", "corp", "corporation", "llc", "llp", "ulc", "senc", "sencrl", "enr",
    };

    /// <summary>Combines <paramref name="batches"/>; a single batch is returned as is.</summary>
    /// <exception cref="LedgerImportException">The batches disagree on the as-of date.</exception>
    public static LedgerBatch Combine(IReadOnlyList<LedgerBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) throw new ArgumentException("At least one batch is needed.", nameof(batches));
        if (batches.Count == 1) return batches[0];
        return new Combination(batches).Build();
    }

    /// <summary>
    /// The key two spellings of one company share: accents stripped, case and punctuation folded,
    /// spaces and "and"/"et" ignored, trailing legal suffixes (inc., ltée, ltd, corp…) dropped.
    /// <c>Les Entreprises Côté &amp; Fils Ltée</c> and <c>LES ENTREPRISES COTE ET FILS</c> → <c>lesentreprisescotefils</c>.
    /// </summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        tokens.RemoveAll(t => t is "and" or "et");
        while (tokens.Count > 1 && LegalSuffixes.Contains(tokens[^1])) tokens.RemoveAt(tokens.Count - 1);
        return string.Concat(tokens).Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal);
    }

    private static bool IsWorkbook(LedgerBatch batch) => batch.PresentSheets.Contains(LedgerSheets.Meta);

    private sealed class Combination
    {
        private readonly IReadOnlyList<LedgerBatch> _batches;
        private readonly int[] _offsets;
        private readonly int[] _forwarded;
        private readonly Lock _gate = new();
        private readonly ImportIssueCollector _issues;
        private readonly Lazy<PayerResolution> _payers;

        public Combination(IReadOnlyList<LedgerBatch> batches)
        {
            _batches = batches;
            _offsets = new int[batches.Count];
            for (var i = 1; i < batches.Count; i++) _offsets[i] = _offsets[i - 1] + batches[i - 1].Sources.Count;
            _forwarded = new int[batches.Count];
            _issues = new ImportIssueCollector(batches.Max(b => b.Issues.MaxErrors));
            _payers = new Lazy<PayerResolution>(() =>
            {
                var resolution = PayerResolution.Resolve(_batches, Rebase, _issues);
                Forward();
                return resolution;
            });
        }

        public LedgerBatch Build()
        {
            var primary = _batches.FirstOrDefault(IsWorkbook) ?? _batches[0];
            // Exports carry the tenant of the read options; a workbook may leave meta.tenant blank.
            var tenant = primary.Meta.Tenant ?? _batches.Select(b => b.Meta.Tenant).FirstOrDefault(t => t is not null);
            var meta = tenant == primary.Meta.Tenant ? primary.Meta : primary.Meta with { Tenant = tenant };
            CheckAsOf(meta);
            Forward();
            return new LedgerBatch
            {
                Meta = meta,
                Sources = [.. _batches.SelectMany(b => b.Sources)],
                PresentSheets = _batches.SelectMany(b => b.PresentSheets).ToHashSet(StringComparer.Ordinal),
                Issues = _issues,
                Payers = Payers(),
                EntityLinks = Concat(b => b.EntityLinks, (x, i) => x with
                {
                    Source = Rebase(x.Source, i), FromPayerId = Payer(i, x.FromPayerId), ToPayerId = Payer(i, x.ToPayerId),
                }),
                Projects = Concat(b => b.Projects, (x, i) => x with
                {
                    Source = Rebase(x.Source, i), ContractPayerId = Payer(i, x.ContractPayerId),
                    CurrentPayerId = x.CurrentPayerId is null ? null : Payer(i, x.CurrentPayerId),
                }),
                Deliveries = Concat(b => b.Deliveries, (x, i) => x with { Source = Rebase(x.Source, i) }),
                Quotes = Concat(b => b.Quotes, (x, i) => x with { Source = Rebase(x.Source, i), PayerId = x.PayerId is null ? null : Payer(i, x.PayerId) }),
                Invoices = Concat(b => b.Invoices, (x, i) => x with { Source = Rebase(x.Source, i), PayerId = Payer(i, x.PayerId) }),
                Payments = Concat(b => b.Payments, (x, i) => x with { Source = Rebase(x.Source, i), PayerId = Payer(i, x.PayerId) }),
                PaymentApplications = Concat(b => b.PaymentApplications, (x, i) => x with { Source = Rebase(x.Source, i) }),
                Retainage = Concat(b => b.Retainage, (x, i) => x with { Source = Rebase(x.Source, i) }),
                ServiceContracts = Concat(b => b.ServiceContracts, (x, i) => x with { Source = Rebase(x.Source, i), PayerId = Payer(i, x.PayerId) }),
                Promises = Concat(b => b.Promises, (x, i) => x with { Source = Rebase(x.Source, i), PayerId = Payer(i, x.PayerId) }),
                BankTransactions = Concat(b => b.BankTransactions, (x, i) => x with { Source = Rebase(x.Source, i) }),
            };
        }

        private void CheckAsOf(LedgerMeta meta)
        {
            var errors = new List<ImportIssue>();
            foreach (var batch in _batches.Where(b => b.Meta.AsOf != meta.AsOf))
            {
                var source = batch.Sources.Count > 0 ? batch.Sources[0] : null;
                var asOf = Iso(batch.Meta.AsOf);
                errors.Add(ImportIssue.Error(ImportIssueCode.AsOfMismatch, new ImportLocation(source?.File, source?.Sheet), asOf, asOf, Iso(meta.AsOf)));
            }
            if (errors.Count > 0) throw new LedgerImportException(errors);
        }

        private IEnumerable<Payer> Payers()
        {
            foreach (var payer in _payers.Value.Payers) yield return payer;
        }

        private IEnumerable<T> Concat<T>(Func<LedgerBatch, IEnumerable<T>> sheet, Func<T, int, T> adjust)
        {
            for (var i = 0; i < _batches.Count; i++)
            {
                foreach (var item in sheet(_batches[i])) yield return adjust(item, i);
            }
            Forward();
        }

        // Workbook ids are authoritative; only derived payers are resolved, which reads the payers once.
        private string Payer(int batch, string payerId) =>
            IsWorkbook(_batches[batch]) ? payerId : _payers.Value.Map(batch, payerId);

        private RowRef Rebase(RowRef source, int batch) =>
            source.SourceIndex < 0 ? source : source with { SourceIndex = source.SourceIndex + _offsets[batch] };

        private void Forward()
        {
            lock (_gate)
            {
                for (var i = 0; i < _batches.Count; i++)
                {
                    var all = _batches[i].Issues.Issues;
                    for (var j = _forwarded[i]; j < all.Count; j++) _issues.Add(all[j]);
                    _forwarded[i] = all.Count;
                }
            }
        }

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class PayerResolution
    {
        private readonly Dictionary<string, string>[] _maps;

        private PayerResolution(List<Payer> payers, Dictionary<string, string>[] maps) => (Payers, _maps) = (payers, maps);

        public List<Payer> Payers { get; }

        public string Map(int batch, string payerId) => _maps[batch].TryGetValue(payerId, out var mapped) ? mapped : payerId;

        public static PayerResolution Resolve(IReadOnlyList<LedgerBatch> batches, Func<RowRef, int, RowRef> rebase, ImportIssueCollector issues)
        {
            var payers = new List<Payer>();
            var maps = batches.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var workbookKeys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (var i = 0; i < batches.Count; i++)
            {
                if (!IsWorkbook(batches[i])) continue;
                foreach (var payer in batches[i].Payers)
                {
                    payers.Add(payer with { Source = rebase(payer.Source, i) });
                    taken.Add(payer.PayerId);
                    foreach (var key in Keys(payer))
                    {
                        var ids = workbookKeys.TryGetValue(key, out var list) ? list : workbookKeys[key] = [];
                        if (!ids.Contains(payer.PayerId)) ids.Add(payer.PayerId);
                    }
                }
            }

            var derivedKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < batches.Count; i++)
            {
                if (IsWorkbook(batches[i])) continue;
                foreach (var payer in batches[i].Payers)
                {
                    var keys = Keys(payer).ToList();
                    var matches = keys.SelectMany(k => workbookKeys.TryGetValue(k, out var ids) ? ids : []).Distinct().ToList();
                    if (matches.Count == 1)
                    {
                        maps[i][payer.PayerId] = matches[0];
                        continue;
                    }
                    if (matches.Count > 1)
                    {
                        issues.Add(ImportIssue.Warning(ImportIssueCode.AgingPayerAmbiguous, batches[i].Locate(payer.Source), payer.Name,
                            payer.Name, string.Join(", ", matches)));
                    }
                    if (keys.Select(k => derivedKeys.GetValueOrDefault(k)).FirstOrDefault(id => id is not null) is { } seen)
                    {
                        maps[i][payer.PayerId] = seen;
                        continue;
                    }
                    var id = payer.PayerId;
                    for (var n = 2; !taken.Add(id); n++) id = $"{payer.PayerId}-{n}";
                    maps[i][payer.PayerId] = id;
                    payers.Add(payer with { PayerId = id, Source = rebase(payer.Source, i) });
                    foreach (var key in keys) derivedKeys.TryAdd(key, id);
                }
            }
            return new PayerResolution(payers, maps);
        }

        private static IEnumerable<string> Keys(Payer payer) =>
            payer.Aliases.Prepend(payer.Name).Select(NameKey).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal);
    }
}
