namespace Allometry.Core.Sample;

using System.Globalization;
using System.Text;
using Allometry.Core.Ledger;

/// <summary>Names, cities and people of the fictional operator and its customers.</summary>
internal static class SampleNames
{
    public const string SellerName = "Borealis Énergie & Casiers inc.";
    public const string Tenant = "borealis";
    public const string PmDomain = "borealis.example";
    public const string PayerDomain = "example.com";

    public static readonly IReadOnlyDictionary<Province, string[]> Cities = new Dictionary<Province, string[]>
    {
        [Province.QC] = ["Montréal", "Québec", "Lévis", "Trois-Rivières", "Sherbrooke", "Gatineau", "Laval", "Longueuil", "Saint-Jérôme", "Rimouski", "Saguenay", "Drummondville", "Saint-Hyacinthe", "Rouyn-Noranda", "Sainte-Foy", "Rivière-du-Loup"],
        [Province.ON] = ["Toronto", "Ottawa", "Mississauga", "Hamilton", "London", "Kingston", "Sudbury", "Barrie", "Kitchener", "Windsor", "Oakville", "Thunder Bay"],
        [Province.NS] = ["Halifax", "Dartmouth", "Truro", "Sydney", "Lunenburg", "Wolfville", "Antigonish", "Bridgewater"],
        [Province.BC] = ["Vancouver", "Burnaby", "Surrey", "Victoria", "Kelowna", "Kamloops", "Nanaimo", "Richmond"],
    };

    public static readonly string[] ProjectManagers =
    [
        "Geneviève Tremblay", "Marc-André Côté", "Priya Natarajan", "Liam O'Connor", "Émilie Gagnon",
        "Jean-François Bélanger", "Sarah MacDonald", "Amrit Gill", "Noah Chen", "Chloé Lévesque",
    ];

    private static readonly string[] SitesFr = ["Dépôt", "Stationnement", "Centre", "Terminus", "Complexe", "Entrepôt", "Marché", "Campus"];
    private static readonly string[] SitesEn = ["Depot", "Parkade", "Plaza", "Terminal", "Campus", "Warehouse", "Yard", "Commons"];

    /// <summary>A project name in the site's language: "Bornes de recharge — Dépôt Lévis".</summary>
    public static string ProjectName(BusinessLine line, Province site, string city, Random rng)
    {
        var french = site == Province.QC;
        var lineName = (line, french) switch
        {
            (BusinessLine.EvCharging, true) => "Bornes de recharge",
            (BusinessLine.EvCharging, false) => "EV charging",
            (BusinessLine.Solar, true) => rng.Next(2) == 0 ? "Toiture solaire" : "Ombrière solaire",
            (BusinessLine.Solar, false) => rng.Next(2) == 0 ? "Rooftop solar" : "Solar canopy",
            (BusinessLine.Lockers, true) => "Casiers intelligents",
            (BusinessLine.Lockers, false) => "Smart lockers",
            (_, true) => "Entretien annuel",
            (_, false) => "Annual maintenance",
        };
        var sites = french ? SitesFr : SitesEn;
        return $"{lineName} — {sites[rng.Next(sites.Length)]} {city}";
    }

    /// <summary>An ASCII e-mail local part: "Geneviève Tremblay" → "genevieve.tremblay".</summary>
    public static string Slug(string text, char separator)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != separator)
            {
                sb.Append(separator);
            }
        }
        return sb.ToString().Trim(separator);
    }

    public static string PmEmail(string person) => $"{Slug(person, '.')}@{PmDomain}";

    public static string PayerEmail(string payerName)
    {
        var slug = Slug(payerName, '-');
        return $"ap.{(slug.Length > 40 ? slug[..40].TrimEnd('-') : slug)}@{PayerDomain}";
    }
}
