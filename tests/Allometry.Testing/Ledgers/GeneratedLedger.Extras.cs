namespace Allometry.Testing.Ledgers;

using System.Globalization;
using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using Allometry.Core.Tax;

// The ledger-wide plants of LedgerPlants, once every base project is generated.
public sealed partial class GeneratedLedger
{
    private int _extraProjectNo;

    private void PlantExtras()
    {
        foreach (var (from, to, on) in _scopedHandoffs) AddScopedHandoffProbe(from, on);
        for (var k = 0; k < _plants.QuoteOnlyProjects; k++) AddQuoteOnlyProject();
        for (var k = 0; k < _plants.PrairieProjects; k++) AddPrairieProject();
        for (var k = 0; k < _plants.ProjectlessInvoices; k++) AddProjectlessInvoice();
        for (var k = 0; k < _plants.SplitPayments; k++) SplitPayment(k);
        for (var k = 0; k < _plants.AgingPayers; k++) AddAgingPayer(k + 1);
        for (var k = 0; k < _plants.LinkedGroups; k++) LinkOverLimit();
    }

    private string NextProjectId() => "PRJ-X" + (++_extraProjectNo).ToString("D5", CultureInfo.InvariantCulture);

    private Project AddExtraProject(Payer payer, SupplyType supply, Province site, DateOnly contract, ProjectStatus status = ProjectStatus.Active)
    {
        var project = new Project
        {
            ProjectId = NextProjectId(), Name = $"{supply} extra {_extraProjectNo}", SiteProvince = site, ContractPayerId = payer.PayerId,
            SupplyType = supply, DepositPct = supply == SupplyType.Goods ? 50m : null, ContractDate = contract, Status = status,
        };
        Projects.Add(project);
        return project;
    }

    private Invoice NewInvoice(Payer payer, string? projectId, Province place, DateOnly issue, decimal subtotal, InvoiceKind kind, bool paid)
    {
        var taxes = TaxFor(place, issue.AddDays(30), subtotal);
        var total = subtotal + taxes.Total + 0.00m;
        return new Invoice
        {
            InvoiceId = NextInvoiceId(), PayerId = payer.PayerId, ProjectId = projectId, Kind = kind, IssueDate = issue, DueDate = issue.AddDays(30),
            Subtotal = subtotal + 0.00m, Gst = taxes.Gst, Hst = taxes.Hst, Qst = taxes.Qst, Pst = taxes.Pst, Total = total, Balance = paid ? 0m : total,
            TaxProvince = place, RegistrationNumbers = $"{SellerGstHst}; {SellerQst}", Status = paid ? InvoiceStatus.Paid : InvoiceStatus.Open,
        };
    }

    /// <summary>Another project of a payer whose paid-up project declared a handoff: on the whole ledger the handoff does not reach it.</summary>
    private void AddScopedHandoffProbe(string from, DateOnly on)
    {
        var payer = Payers.First(p => p.PayerId == from);
        var site = payer.Province ?? Province.QC;
        var project = AddExtraProject(payer, SupplyType.Lease, site, on.AddDays(-60));
        AddInvoice(NewInvoice(payer, project.ProjectId, site, on.AddDays(-Between(5, 40)), Between(1_000, 5_000), InvoiceKind.Other, paid: false), null);
    }

    private void AddQuoteOnlyProject()
    {
        var payer = Payers[_plantRng.Next(Payers.Count)];
        var site = payer.Province ?? Province.QC;
        var accepted = AsOf.AddDays(-Between(0, 12));
        var project = AddExtraProject(payer, SupplyType.Goods, site, accepted);
        Quotes.Add(new Quote
        {
            QuoteId = "Q-X" + _extraProjectNo.ToString("D5", CultureInfo.InvariantCulture), ProjectId = project.ProjectId, PayerId = payer.PayerId,
            QuoteDate = accepted.AddDays(-10), AcceptedOn = accepted, TotalExTax = Between(5_000, 80_000) + 0.00m, DepositPct = 50m, Status = QuoteStatus.Accepted,
        });
        Deliveries.Add(new Delivery { ProjectId = project.ProjectId, Milestone = "Equipment delivery", ScheduledOn = AsOf.AddDays(Between(-3, 15)), Status = DeliveryStatus.Pending });
    }

    private void AddPrairieProject()
    {
        var payer = Payers[_plantRng.Next(Payers.Count)];
        var site = Between(0, 2) == 0 ? Province.SK : Province.MB;
        var project = AddExtraProject(payer, SupplyType.Lease, site, AsOf.AddDays(-200));
        for (var k = 0; k < 3; k++)
        {
            var issue = AsOf.AddDays(-170 + (k * 50));
            var invoice = NewInvoice(payer, project.ProjectId, site, issue, Between(800, 6_000), InvoiceKind.Other, paid: true);
            AddInvoice(invoice, Between(0, 2) == 0 ? issue.AddDays(12) : null);
        }
    }

    private void AddProjectlessInvoice()
    {
        var payer = Payers[_plantRng.Next(Payers.Count)];
        var place = payer.Province ?? Province.QC;
        var issue = AsOf.AddDays(-Between(1, 300));
        var paid = Between(0, 3) > 0;
        var invoice = NewInvoice(payer, null, place, issue, Between(150, 9_000), InvoiceKind.Other, paid);
        invoice = Between(0, 4) switch
        {
            0 when place == Province.QC => invoice with { Qst = SalesTax.Round((invoice.Subtotal + invoice.Gst) * SalesTax.QstRate) },
            1 => invoice with { RegistrationNumbers = null },
            2 => invoice with { TaxProvince = null },
            _ => invoice,
        };
        var total = invoice.Subtotal + invoice.TaxTotal;
        AddInvoice(invoice with { Total = total, Balance = paid ? 0m : total }, paid && issue.AddDays(10) < AsOf ? issue.AddDays(10) : null);
    }

    /// <summary>The payment of a paid invoice also pays part of an open invoice of another project.</summary>
    private void SplitPayment(int k)
    {
        var paid = _releasedFinals.Count > k ? _releasedFinals[k] : Enumerable.Range(0, Invoices.Count).FirstOrDefault(i => Invoices[i].Balance == 0m && ApplicationOf(Invoices[i].InvoiceId) is not null && _plantRng.Next(8) == 0, -1);
        if (paid < 0 || ApplicationOf(Invoices[paid].InvoiceId) is not { } a) return;
        var open = Enumerable.Range(0, Invoices.Count)
            .Where(i => Invoices[i].Balance > 100m && Invoices[i].ProjectId is not null && Invoices[i].ProjectId != Invoices[paid].ProjectId && Invoices[i].Total > 0m)
            .ToList();
        if (open.Count == 0) return;
        var target = open[_plantRng.Next(open.Count)];
        var part = Math.Min(Invoices[target].Balance - 50m, Between(50, 500)) + 0.00m;
        var p = PaymentIndex(Applications[a].PaymentId);
        Payments[p] = Payments[p] with { Amount = Payments[p].Amount + part };
        Applications.Add(new PaymentApplication { PaymentId = Payments[p].PaymentId, InvoiceId = Invoices[target].InvoiceId, Amount = part });
        Invoices[target] = Invoices[target] with { Balance = Invoices[target].Balance - part };
    }

    private void AddAgingPayer(int n)
    {
        var payer = new Payer
        {
            PayerId = "AG-" + n.ToString("D5", CultureInfo.InvariantCulture), Name = $"Aging Payer {n}", Province = Province.QC, Language = Language.Fr,
            CreditLimit = 50_000m,
        };
        Payers.Add(payer);
        var id = "AGE-" + n.ToString("D4", CultureInfo.InvariantCulture);
        var old = AsOf.AddDays(-Between(95, 200));
        var baseTotal = Between(5_000, 40_000) + 0.00m;
        AgingLine(payer, $"{id}-001", old, baseTotal, baseTotal);
        AgingLine(payer, $"{id}-002", old.AddDays(20), Between(2_000, 9_000) + 0.00m, SalesTax.Round(baseTotal * 0.10m));
        AgingLine(payer, $"{id}-HB", old.AddDays(30), 1_000m, Between(100, 900) + 0.00m);
        AgingLine(payer, $"{id}-CR", AsOf.AddDays(-Between(0, 40)), -300m, -300m);
    }

    private void AgingLine(Payer payer, string id, DateOnly issue, decimal total, decimal balance) => Invoices.Add(new Invoice
    {
        InvoiceId = id, PayerId = payer.PayerId, Kind = total < 0m ? InvoiceKind.Other : InvoiceKind.Progress, IssueDate = issue, DueDate = issue.AddDays(30),
        Subtotal = total, Total = total, Balance = balance, Origin = InvoiceOrigin.AgingDetail, Status = InvoiceStatus.Open,
    });

    /// <summary>Two payers with open receivables become affiliates (from a date near the as-of) with a credit limit they exceed.</summary>
    private void LinkOverLimit()
    {
        var owing = Invoices.Where(i => i.Balance > 0m && i.Origin == InvoiceOrigin.Workbook).Select(i => i.PayerId).Distinct(StringComparer.Ordinal)
            .Where(id => !EntityLinks.Any(l => l.FromPayerId == id || l.ToPayerId == id)).Order(StringComparer.Ordinal).ToList();
        if (owing.Count < 2) return;
        var a = owing[_plantRng.Next(owing.Count)];
        var b = owing.First(id => id != a);
        EntityLinks.Add(new EntityLink { FromPayerId = a, ToPayerId = b, Kind = EntityLinkKind.Affiliate, EffectiveDate = AsOf.AddDays(-Between(0, 120)) });
        foreach (var id in new[] { a, b })
        {
            var i = Payers.FindIndex(p => p.PayerId == id);
            Payers[i] = Payers[i] with { CreditLimit = 500m };
        }
    }
}
