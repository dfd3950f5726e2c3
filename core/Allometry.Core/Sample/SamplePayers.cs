namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;
using Allometry.Core.Localization;
using R = PayerRoles;

/// <summary>
/// The operator's 41 customers: two conglomerates with parent, affiliate and successor links, a
/// builder that hands a project off to a developer, and standalone customers in QC, ON, NS and BC.
/// </summary>
internal static class SamplePayers
{
    private enum Numbers { Valid, Missing, InvalidGstHst, InvalidQst }

    private sealed record Seed(string Name, Province Province, string Role, int Clean, CleanScope Scope = CleanScope.Any,
        decimal? Limit = null, Numbers Registration = Numbers.Valid, string[]? Aliases = null);

    private static readonly Seed[] Seeds =
    [
        new("Groupe Érablière Capital inc.", Province.QC, R.GroupAParent, 3, Limit: 200_000.00m, Aliases: ["Groupe Erabliere Capital", "GEC"]),
        new("Érablière Immobilier Laval S.E.C.", Province.QC, R.GroupALaval, 4, CleanScope.NoOpenAr, Aliases: ["Erabliere Immobilier Laval"]),
        new("Érablière Properties Ontario Ltd.", Province.ON, R.GroupAOntario, 4, CleanScope.NoOpenAr),
        new("Placements Érablière Lévis inc.", Province.QC, R.GroupALevis, 2),
        new("Gestion Trois-Rivières Nord inc.", Province.QC, R.GroupAPredecessor, 2, CleanScope.ClosedOnly),
        new("Érablière Mauricie inc.", Province.QC, R.GroupAMauricie, 2, CleanScope.NoOpenAr),
        new("Northwind Retail Holdings Ltd.", Province.ON, R.GroupBParent, 2, Limit: 600_000.00m, Aliases: ["Northwind Retail", "NW Retail Holdings"]),
        new("Northwind Grocers Ontario Inc.", Province.ON, R.GroupBGrocers, 5),
        new("Northwind Maritimes Ltd.", Province.NS, R.GroupBMaritimes, 4),
        new("Northwind Pacific Stores Ltd.", Province.BC, R.GroupBPacific, 4),
        new("Marché Nordvent Québec inc.", Province.QC, R.GroupBQuebec, 3, Aliases: ["Marche Nordvent", "Nordvent QC"]),
        new("Constructions Beaupré-Lévis inc.", Province.QC, R.Builder, 2, CleanScope.NoOpenAr, Limit: 150_000.00m),
        new("Promotions Rive-Sud Habitat inc.", Province.QC, R.Developer, 3, Limit: 400_000.00m),
        new("Maple Ridge Logistics Inc.", Province.ON, R.GateHigh, 3),
        new("Bluenose Marina Ltd.", Province.NS, R.GateCritical, 1),
        new("Okanagan Orchard Estates Ltd.", Province.BC, R.DepositNotInvoiced, 3),
        new("Coopérative d'habitation Les Trembles", Province.QC, R.UnappliedDeposit, 1, Registration: Numbers.InvalidQst),
        new("Lakeshore Condominium Corp. No. 1432", Province.ON, R.HoldbackCsp, 1),
        new("Hamilton Harbourfront Developments Ltd.", Province.ON, R.HoldbackAnnual, 2),
        new("Résidences Saint-Jérôme inc.", Province.QC, R.Retenue, 2),
        new("Station-service Lévesque & Fils inc.", Province.QC, R.Hypothec, 1, Registration: Numbers.Missing),
        new("Annapolis Valley Farm Co-op", Province.NS, R.NeverInvoiced, 2),
        new("Centre sportif de Rivière-du-Loup", Province.QC, R.AgedRetainage, 1),
        new("Grand River Agri Co-op", Province.ON, R.PromptPayment, 3),
        new("Immeubles Outaouais inc.", Province.QC, R.TaxProvince, 2, Aliases: ["Immeubles Outaouais"]),
        new("Marché public de Sainte-Foy", Province.QC, R.QstBase, 2),
        new("Halifax Harbour Condos Ltd.", Province.NS, R.StaleNs, 2),
        new("Nickel Belt Fleet Services Ltd.", Province.ON, R.MissingHst, 2),
        new("Dépanneur Chez Hélène enr.", Province.QC, R.MissingQst, 1, Registration: Numbers.Missing),
        new("Frontenac Parking Co.", Province.ON, R.VarianceLeak, 3),
        new("Coast Mountain Fleet Services Inc.", Province.BC, R.VarianceOver, 2),
        new("Island Hub Co-working Ltd.", Province.BC, R.RenewalMedium, 1),
        new("Collège Mont-Sainte-Anne", Province.QC, R.RenewalHigh, 3),
        new("Cape Breton Community Health Co-op", Province.NS, R.RenewalCritical, 1),
        new("Fraser Valley Cold Storage Ltd.", Province.BC, R.BrokenPromise, 3),
        new("Clinique vétérinaire des Laurentides inc.", Province.QC, R.ShortPay, 1),
        new("Burnaby Tech Park Ltd.", Province.BC, R.UnappliedCash, 0),
        new("Lunenburg Waterfront Inn Ltd.", Province.NS, R.Overdue, 1, Registration: Numbers.InvalidGstHst),
        new("Coopérative agricole de Val-Bélair", Province.QC, R.Aging90, 0, Registration: Numbers.Missing),
        new("Municipalité de Sainte-Mélanie-des-Érables", Province.QC, "municipality", 5, Aliases: ["Sainte-Melanie-des-Erables"]),
        new("Kawartha Lakes Cottage Rentals Inc.", Province.ON, "cottages", 2),
    ];

    // The three Érablière entities that carry the planted over-limit invoices get no other open AR,
    // so no single payer holds more than 20 % of AR (which would be an AgingConcentration).

    /// <summary>Adds the payers and their links to the draft and returns them by role.</summary>
    public static IReadOnlyDictionary<string, Payer> Add(SampleDraft d)
    {
        var byRole = new Dictionary<string, Payer>(StringComparer.Ordinal);
        for (var i = 0; i < Seeds.Length; i++)
        {
            var seed = Seeds[i];
            var payer = new Payer
            {
                PayerId = $"P-{i + 1:000}",
                Name = seed.Name,
                Aliases = seed.Aliases ?? [],
                Province = seed.Province,
                GstHstNumber = seed.Registration switch
                {
                    Numbers.Missing => null,
                    Numbers.InvalidGstHst => SampleRegistration.NewInvalidGstHst(d.Rng),
                    _ => SampleRegistration.NewGstHst(d.Rng),
                },
                QstNumber = seed.Province != Province.QC || seed.Registration == Numbers.Missing ? null
                    : seed.Registration == Numbers.InvalidQst ? SampleRegistration.NewQst(d.Rng)[1..] : SampleRegistration.NewQst(d.Rng),
                // Group members carry no limit of their own: the parent's limit is the group's.
                CreditLimit = seed.Limit ?? (!seed.Role.StartsWith("group-", StringComparison.Ordinal) && seed.Clean >= 2 && d.Chance(50)
                    ? 250_000.00m + (25_000m * d.Between(0, 10))
                    : null),
                Language = seed.Province == Province.QC ? Language.Fr : Language.En,
                Email = SampleNames.PayerEmail(seed.Name),
            };
            d.AddPayer(payer);
            byRole.Add(seed.Role, payer);
        }
        AddLinks(d, byRole);
        return byRole;
    }

    /// <summary>Clean projects for every payer, in payer order, within each payer's scope.</summary>
    public static void AddCleanProjects(SampleDraft d, IReadOnlyDictionary<string, Payer> byRole)
    {
        foreach (var seed in Seeds)
        {
            for (var n = 0; n < seed.Clean; n++)
            {
                CleanProjects.Add(d, byRole[seed.Role], seed.Scope);
            }
        }
    }

    private static void AddLinks(SampleDraft d, IReadOnlyDictionary<string, Payer> r)
    {
        void Link(string from, string to, EntityLinkKind kind, DateOnly? on = null, string? note = null) =>
            d.EntityLinks.Add(new EntityLink { FromPayerId = r[from].PayerId, ToPayerId = r[to].PayerId, Kind = kind, EffectiveDate = on, Note = note });

        Link(R.GroupAParent, R.GroupALaval, EntityLinkKind.Parent);
        Link(R.GroupAParent, R.GroupAOntario, EntityLinkKind.Parent);
        Link(R.GroupAParent, R.GroupAMauricie, EntityLinkKind.Parent);
        Link(R.GroupALaval, R.GroupALevis, EntityLinkKind.Affiliate);
        Link(R.GroupAPredecessor, R.GroupAMauricie, EntityLinkKind.Successor, d.Day(-400), "Acquisition de Gestion Trois-Rivières Nord par Érablière Mauricie");
        Link(R.GroupBParent, R.GroupBGrocers, EntityLinkKind.Parent);
        Link(R.GroupBParent, R.GroupBMaritimes, EntityLinkKind.Parent);
        Link(R.GroupBParent, R.GroupBPacific, EntityLinkKind.Parent);
        Link(R.GroupBGrocers, R.GroupBQuebec, EntityLinkKind.Affiliate);
        Link(R.Builder, R.Developer, EntityLinkKind.Handoff, d.Day(-60), "Cession du projet Les Méandres (Lévis) : constructeur → promoteur");
    }
}
