namespace Allometry.Benchmarks.Questions;

using System.Globalization;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;

/// <summary>
/// A large ledger in the sample operator's shapes, for name resolution and balance reads: payers
/// with French and English names, projects named "line — Word Word, City" (each Word pair unique,
/// as real project names are), a deposit then progress invoices per project, about a third still
/// open, some retainage held. Taxes are left at zero: this benchmark reads balances, it does not
/// run the tax rules. Deterministic for a seed.
/// </summary>
internal sealed class QuestionLedger
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    private static readonly string[] Syllables =
        ["ma", "ple", "ri", "dor", "bo", "re", "al", "ca", "si", "ver", "lo", "ne", "nor", "di", "que", "ta", "mon", "val", "ro", "su", "be", "la", "gan", "tu"];
    private static readonly string[] Cities = ["Laval", "Lévis", "Québec", "Montréal", "Trois-Rivières", "Ottawa", "Toronto", "Halifax", "Kelowna", "Sherbrooke"];
    private static readonly string[] Lines = ["Bornes de recharge", "EV charging", "Toiture solaire", "Solar canopy", "Casiers intelligents", "Smart lockers"];

    private readonly Random _rng;

    private QuestionLedger(int seed) => _rng = new Random(seed);

    public List<Payer> Payers { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Invoice> Invoices { get; } = [];
    public List<RetainageHold> Holds { get; } = [];

    /// <summary>The words that name each project in a question ("Malorive Tasuval").</summary>
    public List<string> ProjectWords { get; } = [];

    public static QuestionLedger Generate(int invoices, int projects, int payers, int seed)
    {
        var ledger = new QuestionLedger(seed);
        for (var p = 1; p <= payers; p++)
        {
            ledger.Payers.Add(new Payer
            {
                PayerId = $"P-{p:000000}",
                Name = (p % 2 == 0 ? "Immeubles " : "Northern Holdings ") + ledger.Word() + " " + p.ToString(CultureInfo.InvariantCulture),
                Language = p % 2 == 0 ? Language.Fr : Language.En,
            });
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < projects; j++)
        {
            string words;
            do words = $"{ledger.Word()} {ledger.Word()}";
            while (!used.Add(words));
            var count = (invoices / projects) + (j < invoices % projects ? 1 : 0);
            ledger.AddProject(j + 1, words, count);
        }
        return ledger;
    }

    public LedgerBatch ToBatch() => new()
    {
        Meta = new LedgerMeta { AsOf = AsOf, Tenant = "Benchmark Énergie", Currency = "CAD", Language = Language.Fr },
        PresentSheets = new HashSet<string>(StringComparer.Ordinal)
        {
            LedgerSheets.Meta, LedgerSheets.Payers, LedgerSheets.Projects, LedgerSheets.Invoices, LedgerSheets.Retainage,
        },
        Payers = Payers,
        Projects = Projects,
        Invoices = Invoices,
        Retainage = Holds,
    };

    private string Word()
    {
        var word = string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[_rng.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private void AddProject(int number, string words, int invoiceCount)
    {
        var payer = Payers[_rng.Next(Payers.Count)];
        var city = Cities[_rng.Next(Cities.Length)];
        var projectId = $"PRJ-{number:000000}";
        Projects.Add(new Project
        {
            ProjectId = projectId,
            Name = $"{Lines[_rng.Next(Lines.Length)]} — {words}, {city}",
            SiteProvince = city is "Ottawa" or "Toronto" ? Province.ON : city == "Halifax" ? Province.NS : city == "Kelowna" ? Province.BC : Province.QC,
            SiteCity = city,
            PmEmail = $"pm{number % 40}@bench.example",
            ContractPayerId = payer.PayerId,
            DepositPct = 0.30m,
            RetainagePct = 0.10m,
        });
        ProjectWords.Add(words);
        var issue = AsOf.AddDays(-_rng.Next(30, 700));
        for (var k = 0; k < invoiceCount; k++)
        {
            var subtotal = _rng.Next(50_000, 5_000_000) / 100m;
            var open = _rng.Next(3) == 0;
            var balance = open ? (_rng.Next(2) == 0 ? subtotal : decimal.Round(subtotal / 2, 2)) : 0m;
            var invoiceId = $"INV-{number:000000}-{k:000}";
            var held = k > 0 && _rng.Next(10) == 0 ? decimal.Round(subtotal / 9, 2) : 0m;
            Invoices.Add(new Invoice
            {
                InvoiceId = invoiceId,
                PayerId = payer.PayerId,
                ProjectId = projectId,
                Kind = k == 0 ? InvoiceKind.Deposit : InvoiceKind.Progress,
                IssueDate = issue,
                DueDate = issue.AddDays(30),
                Subtotal = subtotal,
                Total = subtotal,
                Balance = balance,
                RetainageHeld = held,
                Status = open ? InvoiceStatus.Open : InvoiceStatus.Paid,
            });
            if (held > 0m)
            {
                Holds.Add(new RetainageHold { ProjectId = projectId, InvoiceId = invoiceId, HeldAmount = held, ReleaseDueOn = issue.AddDays(400) });
            }
            issue = issue.AddDays(_rng.Next(1, 20));
        }
    }
}
