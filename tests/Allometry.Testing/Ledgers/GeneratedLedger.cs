namespace Allometry.Testing.Ledgers;

using System.Globalization;
using Allometry.Core.Imports;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Tax;

/// <summary>
/// A large ledger held in memory (moved here from the evaluation benchmark, which still uses it with
/// no extra plants: its output for a seed is unchanged), in the shapes of the sample operator (core/Allometry.Core/Sample):
/// payers in QC/ON/NS/BC, projects with a supply type (construction 40 %, goods 30 %, lease 15 %,
/// service 15 %), deposit terms (30 % construction, 50 % goods) and 10 % retainage on construction,
/// accepted quotes, deliveries, invoices taxed by place of supply with the core calculator
/// (<see cref="SalesTax"/>, <see cref="PlaceOfSupply"/>), paid 8–20 days after issue (payments and
/// applications kept for the last 365 days and for every deposit), retainage holds, service
/// contracts, a few linked groups. About 4 % of the projects carry one planted problem (an overdue
/// invoice, a short pay, QST on GST, QC tax on an ON site, a stale NS rate, a deposit unpaid while
/// goods shipped, unapplied cash) so the rules have work. Deterministic for a seed.
/// <see cref="LedgerPlants"/> adds more, each with its own probability, drawn from a second random
/// stream so the base ledger of a seed stays the same whatever is planted on top
/// (GeneratedLedger.Plants.cs, GeneratedLedger.Extras.cs).
/// </summary>
public sealed partial class GeneratedLedger
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    private static readonly Province[] Sites = [Province.QC, Province.QC, Province.QC, Province.ON, Province.ON, Province.NS, Province.BC];
    private static readonly string[] Cities = ["Québec", "Laval", "Trois-Rivières", "Ottawa", "Toronto", "Halifax", "Kelowna"];
    private static readonly string[] Methods = ["eft", "cheque", "wire", "card"];

    private enum Plant { None, Overdue, ShortPay, QstOnGst, WrongProvince, StaleNs, DepositUnpaid, UnappliedCash }

    private readonly Random _rng;
    private readonly DateOnly _historyStart = AsOf.AddDays(-365);
    private int _invoiceNo;
    private int _paymentNo;
    private int _quoteNo;

    public static readonly string SellerGstHst = RegistrationNumbers.WithCheckDigit("71234567") + "RT0001";
    public const string SellerQst = "1223456789TQ0001";

    public LedgerMeta Meta { get; } = new()
    {
        AsOf = AsOf,
        Tenant = "Benchmark Énergie & Casiers inc.",
        Currency = "CAD",
        SellerProvince = Province.QC,
        SellerGstHstNumber = SellerGstHst,
        SellerQstNumber = SellerQst,
        SellerPstRegistrations = [Province.BC],
        Language = Language.Fr,
    };

    public List<Payer> Payers { get; } = [];
    public List<EntityLink> EntityLinks { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<Delivery> Deliveries { get; } = [];
    public List<Quote> Quotes { get; } = [];
    public List<Invoice> Invoices { get; } = [];
    public List<Payment> Payments { get; } = [];
    public List<PaymentApplication> Applications { get; } = [];
    public List<RetainageHold> Holds { get; } = [];
    public List<ServiceContract> Contracts { get; } = [];
    public int PlantedProjects { get; private set; }

    /// <summary>Index in <see cref="Invoices"/> of each project's last invoice, in project order.</summary>
    public List<int> LastInvoiceOfProject { get; } = [];

    private GeneratedLedger(int seed, LedgerPlants plants)
    {
        _rng = new Random(seed);
        _plants = plants;
        _plantRng = new Random(unchecked((seed * 7919) + 104_729));
    }

    /// <summary>Generates <paramref name="invoices"/> invoices over <paramref name="projects"/> projects and <paramref name="payers"/> payers.</summary>
    /// <param name="invoices">Invoices over all projects (spread evenly).</param>
    /// <param name="projects">Base projects.</param>
    /// <param name="payers">Base payers.</param>
    /// <param name="seed">The random seed: the same seed, sizes and plants give the same ledger.</param>
    /// <param name="plants">Extra problems to plant; none by default (the benchmark's ledger).</param>
    public static GeneratedLedger Generate(int invoices, int projects, int payers, int seed, LedgerPlants? plants = null)
    {
        var ledger = new GeneratedLedger(seed, plants ?? LedgerPlants.None);
        ledger.AddPayers(payers);
        for (var j = 0; j < projects; j++)
        {
            var count = (invoices / projects) + (j < invoices % projects ? 1 : 0);
            ledger.AddProject(j, count);
        }
        if (ledger._plants.Any) ledger.PlantExtras();
        return ledger;
    }

    /// <summary>The ledger as an import batch; <paramref name="withPayments"/> false leaves the two payment sheets out (the benchmark copies them).</summary>
    public LedgerBatch ToBatch(bool withPayments) => new()
    {
        Meta = Meta,
        PresentSheets = new HashSet<string>(StringComparer.Ordinal)
        {
            LedgerSheets.Meta, LedgerSheets.Payers, LedgerSheets.EntityLinks, LedgerSheets.Projects, LedgerSheets.Deliveries,
            LedgerSheets.Quotes, LedgerSheets.Invoices, LedgerSheets.Retainage, LedgerSheets.ServiceContracts,
        }.Concat(withPayments ? [LedgerSheets.Payments, LedgerSheets.PaymentApplications] : [])
         .Concat(Promises.Count > 0 ? [LedgerSheets.Promises] : []).ToHashSet(StringComparer.Ordinal),
        Promises = Promises,
        Payers = Payers,
        EntityLinks = EntityLinks,
        Projects = Projects,
        Deliveries = Deliveries,
        Quotes = Quotes,
        Invoices = Invoices,
        Payments = withPayments ? LivePayments : [],
        PaymentApplications = withPayments ? LiveApplications : [],
        Retainage = Holds,
        ServiceContracts = Contracts,
    };

    private void AddPayers(int count)
    {
        for (var p = 1; p <= count; p++)
        {
            var province = Sites[_rng.Next(Sites.Length)];
            Payers.Add(new Payer
            {
                PayerId = PayerId(p),
                Name = (province == Province.QC ? "Constructions Lévis " : "Northern Charge ") + p.ToString(CultureInfo.InvariantCulture),
                Aliases = p % 7 == 0 ? [$"Alias {p}"] : [],
                Province = province,
                GstHstNumber = RegistrationNumbers.WithCheckDigit((10_000_000 + p).ToString(CultureInfo.InvariantCulture)) + "RT0001",
                QstNumber = province == Province.QC ? (1_000_000_000L + p).ToString(CultureInfo.InvariantCulture) + "TQ0001" : null,
                CreditLimit = (_rng.Next(4) + 1) * 250_000m,
                Language = province == Province.QC ? Language.Fr : Language.En,
                Email = $"ar{p}@example.ca",
            });
        }
        // Linked groups: every 100th payer is a parent of the next three.
        for (var parent = 1; parent + 3 <= count; parent += 100)
        {
            for (var child = parent + 1; child <= parent + 3; child++)
            {
                EntityLinks.Add(new EntityLink { FromPayerId = PayerId(parent), ToPayerId = PayerId(child), Kind = EntityLinkKind.Parent });
            }
        }
    }

    private void AddProject(int index, int invoiceCount)
    {
        var payer = Payers[_rng.Next(Payers.Count)];
        var siteIndex = _rng.Next(Sites.Length);
        var site = Sites[siteIndex];
        var roll = _rng.Next(100);
        var supply = roll < 40 ? SupplyType.Construction : roll < 70 ? SupplyType.Goods : roll < 85 ? SupplyType.Lease : SupplyType.Service;
        var contract = AsOf.AddDays(-_rng.Next(60, 720));
        var plant = _rng.Next(100) < 4 ? (Plant)(1 + _rng.Next(7)) : Plant.None;
        var place = PlaceOfSupply.For(supply, site, payer.Province).Province;
        if (plant == Plant.StaleNs && place != Province.NS) plant = Plant.Overdue;
        if (plant == Plant.QstOnGst && place != Province.QC) plant = Plant.WrongProvince;
        if (plant == Plant.WrongProvince && place != Province.ON) plant = Plant.ShortPay;
        if (plant == Plant.DepositUnpaid && supply is not (SupplyType.Goods or SupplyType.Construction)) plant = Plant.Overdue;
        if (plant != Plant.None) PlantedProjects++;
        var (firstInvoice, firstApplication) = (Invoices.Count, Applications.Count);

        var withDeposit = supply is SupplyType.Goods or SupplyType.Construction;
        var completed = supply == SupplyType.Goods && invoiceCount > 1 && _rng.Next(100) < 40;
        var project = new Project
        {
            ProjectId = ProjectId(index + 1),
            Name = $"{supply} {Cities[siteIndex]} #{index + 1}",
            SiteProvince = site,
            SiteCity = Cities[siteIndex],
            PmEmail = $"pm{index % 40}@benchmark.example",
            ContractPayerId = payer.PayerId,
            SupplyType = supply,
            DepositPct = supply switch { SupplyType.Construction => 30m, SupplyType.Goods => 50m, _ => null },
            RetainagePct = supply == SupplyType.Construction ? 10m : null,
            ReleaseRule = supply != SupplyType.Construction ? null : site switch
            {
                Province.QC => ReleaseRule.QcReception,
                Province.ON => ReleaseRule.OnCsp,
                _ => ReleaseRule.DaysAfterFinal,
            },
            ReleaseDays = supply != SupplyType.Construction ? null : site == Province.ON ? 60 : 30,
            ContractDate = contract,
            Status = completed ? ProjectStatus.Closed : ProjectStatus.Active,
        };

        // Work billed after the deposit, one amount per invoice but the deposit.
        var workCount = withDeposit ? invoiceCount - 1 : invoiceCount;
        var work = new decimal[workCount];
        for (var k = 0; k < workCount; k++)
        {
            work[k] = supply switch
            {
                SupplyType.Lease => _rng.Next(1_500, 9_000) + 0.00m,
                SupplyType.Service => (100m * ((2 * _rng.Next(12, 90)) + 1)) + 0.00m,
                _ => _rng.Next(200_000, 6_000_000) / 100m,
            };
        }
        var pct = project.DepositPct ?? 0m;
        decimal quoteTotal = 0m, deposit = 0m;
        if (withDeposit)
        {
            var billed = work.Sum();
            quoteTotal = SalesTax.Round(billed * (completed ? 1m : 1m + (_rng.Next(10, 60) / 100m)) / (1m - (pct / 100m)));
            deposit = SalesTax.Round(quoteTotal * pct / 100m);
            if (completed) work[^1] = quoteTotal - deposit - work[..^1].Sum();
            var quotedOn = contract.AddDays(-_rng.Next(7, 25));
            Quotes.Add(new Quote
            {
                QuoteId = "Q-" + (++_quoteNo).ToString("D7", CultureInfo.InvariantCulture),
                ProjectId = project.ProjectId,
                PayerId = payer.PayerId,
                QuoteDate = quotedOn,
                AcceptedOn = contract,
                TotalExTax = quoteTotal,
                DepositPct = pct,
                Status = QuoteStatus.Accepted,
            });
        }

        var span = AsOf.DayNumber - contract.DayNumber;
        var step = Math.Max(1, span / (invoiceCount + 1));
        var overduePlanted = false;
        DateOnly? depositPaidOn = null;
        for (var k = 0; k < invoiceCount; k++)
        {
            var issue = contract.AddDays(Math.Min(span - 1, k * step));
            var isDeposit = withDeposit && k == 0;
            var kind = isDeposit ? InvoiceKind.Deposit
                : supply switch
                {
                    SupplyType.Lease => InvoiceKind.Other,
                    SupplyType.Service => InvoiceKind.Service,
                    _ => completed && k == invoiceCount - 1 ? InvoiceKind.Final : InvoiceKind.Progress,
                };
            var amount = isDeposit ? deposit : work[withDeposit ? k - 1 : k];
            var held = supply == SupplyType.Construction && !isDeposit ? SalesTax.Round(amount * 10m / 100m) : 0m;
            var subtotal = amount - held;
            var terms = isDeposit ? 15 : 30;
            var due = issue.AddDays(terms);
            DateOnly? paidOn = issue.AddDays(_rng.Next(8, 21));
            if (paidOn >= AsOf) paidOn = null;

            var unpaid = false;
            if (plant == Plant.Overdue && !overduePlanted && issue <= AsOf.AddDays(-45) && issue >= AsOf.AddDays(-240))
            {
                unpaid = overduePlanted = true;
            }
            if (plant == Plant.DepositUnpaid && isDeposit) unpaid = true;
            if (unpaid) paidOn = null;
            if (isDeposit) depositPaidOn = paidOn;

            // Payment history is kept for the last 365 days and for deposits: an older payment is
            // not on record, so the tax date the books can show is the due date.
            var recorded = paidOn is { } day && (isDeposit || day >= _historyStart);
            var taxes = SalesTax.Compute(place, SalesTax.TaxDate(due, recorded ? paidOn : null), subtotal, place == Province.BC);
            var taxProvince = place;
            var last = k == invoiceCount - 1;
            if (last && plant == Plant.QstOnGst)
            {
                taxes = taxes with { Qst = SalesTax.Round((subtotal + taxes.Gst) * SalesTax.QstRate) };
            }
            else if (last && plant == Plant.WrongProvince)
            {
                taxes = SalesTax.Compute(Province.QC, due, subtotal, false);
                taxProvince = Province.QC;
            }
            else if (last && plant == Plant.StaleNs && due >= SalesTax.NsRateChange)
            {
                taxes = taxes with { Hst = SalesTax.Round(subtotal * SalesTax.AtlanticHstRate) };
            }

            var total = subtotal + taxes.Total + 0.00m;
            var applied = paidOn is null ? 0m : total;
            if (last && plant == Plant.ShortPay && paidOn is not null && total > 1_000m)
            {
                applied = total - _rng.Next(50, 500);
            }
            var invoice = new Invoice
            {
                InvoiceId = "INV-" + (++_invoiceNo).ToString("D8", CultureInfo.InvariantCulture),
                PayerId = payer.PayerId,
                ProjectId = project.ProjectId,
                Kind = kind,
                IssueDate = issue,
                DueDate = due,
                Subtotal = subtotal + 0.00m,
                Gst = taxes.Gst + 0.00m,
                Hst = taxes.Hst + 0.00m,
                Qst = taxes.Qst + 0.00m,
                Pst = taxes.Pst + 0.00m,
                Total = total,
                Balance = total - applied + 0.00m,
                RetainageHeld = held + 0.00m,
                TaxProvince = taxProvince,
                RegistrationNumbers = $"{SellerGstHst}; {SellerQst}",
                Status = total - applied == 0m ? InvoiceStatus.Paid : InvoiceStatus.Open,
            };
            Invoices.Add(invoice);
            if (held > 0m)
            {
                Holds.Add(new RetainageHold { ProjectId = project.ProjectId, InvoiceId = invoice.InvoiceId, HeldAmount = held + 0.00m });
            }
            // Payment history: the last 365 days, and every deposit (the deposit gate reads it).
            if (paidOn is { } on && applied > 0m && recorded)
            {
                var extra = last && plant == Plant.UnappliedCash ? _rng.Next(100, 2_000) + 0.00m : 0m;
                var paymentId = "PMT-" + (++_paymentNo).ToString("D8", CultureInfo.InvariantCulture);
                Payments.Add(new Payment
                {
                    PaymentId = paymentId,
                    PayerId = payer.PayerId,
                    ReceivedOn = on,
                    Amount = applied + extra,
                    Reference = invoice.InvoiceId,
                    Method = Methods[_rng.Next(Methods.Length)],
                });
                Applications.Add(new PaymentApplication { PaymentId = paymentId, InvoiceId = invoice.InvoiceId, Amount = applied });
            }
        }
        LastInvoiceOfProject.Add(Invoices.Count - 1);

        if (withDeposit)
        {
            var milestone = supply == SupplyType.Construction ? "Mobilization" : "Equipment delivery";
            if (invoiceCount > 1)
            {
                var delivered = contract.AddDays(Math.Min(span - 1, step));
                if (depositPaidOn is { } paid && delivered <= paid) delivered = paid.AddDays(1);
                if (delivered >= AsOf) delivered = AsOf.AddDays(-1);
                Deliveries.Add(new Delivery
                {
                    ProjectId = project.ProjectId, Milestone = milestone, ScheduledOn = delivered, DeliveredOn = delivered,
                    Status = supply == SupplyType.Construction ? DeliveryStatus.Installed : DeliveryStatus.Delivered,
                });
                if (completed) project = project with { CompletedOn = Invoices[^1].IssueDate };
            }
            else
            {
                Deliveries.Add(new Delivery
                {
                    ProjectId = project.ProjectId, Milestone = milestone, ScheduledOn = AsOf.AddDays(_rng.Next(20, 45)), Status = DeliveryStatus.Pending,
                });
            }
        }
        if (supply == SupplyType.Service)
        {
            Contracts.Add(new ServiceContract
            {
                ContractId = "SC-" + (index + 1).ToString("D7", CultureInfo.InvariantCulture),
                PayerId = payer.PayerId,
                ProjectId = project.ProjectId,
                AnnualFee = work[^1],
                RenewalDate = AsOf.AddDays(_rng.Next(65, 330)),
                ServiceActive = true,
                LastRenewalInvoiceId = Invoices[^1].InvoiceId,
            });
        }
        if (_plants.Any)
        {
            project = PlantProject(new ProjectDraft(project, payer, place, firstInvoice, firstApplication,
                withDeposit ? Quotes.Count - 1 : null, supply == SupplyType.Service ? Contracts.Count - 1 : null));
        }
        Projects.Add(project);
    }

    public static string PayerId(int n) => "C-" + n.ToString("D6", CultureInfo.InvariantCulture);

    public static string ProjectId(int n) => "PRJ-" + n.ToString("D6", CultureInfo.InvariantCulture);
}
