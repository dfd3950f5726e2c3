namespace Allometry.Adapters.Ledger.Aging;

using System.Security.Cryptography;
using System.Text;
using Allometry.Core.Ledger;

/// <summary>
/// Payers derived from the customer names an export prints. The id is a stable slug of the
/// name (<c>Rénovations Côté &amp; Fils inc.</c> → <c>c-renovations-cote-fils-inc</c>) so a re-import
/// of the same export, or an export of another month, names the same payer the same way;
/// <see cref="Payer.Name"/> keeps the name as printed. Names that fold to one slug are one payer,
/// the other spellings kept as aliases.
/// </summary>
internal sealed class AgingPayerBook
{
    public const string Prefix = "c-";

    private readonly Dictionary<string, Payer> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public IReadOnlyList<Payer> Payers => [.. _order.Select(id => _byId[id])];

    /// <summary>The payer id for a printed name, registering the payer on first sight.</summary>
    public string Register(string printedName, RowRef source, string? reference = null, decimal? creditLimit = null)
    {
        var name = printedName.Trim();
        var id = IdFor(name);
        if (!_byId.TryGetValue(id, out var payer))
        {
            payer = new Payer { PayerId = id, Name = name, Source = source };
            _order.Add(id);
        }
        var aliases = payer.Aliases.ToList();
        if (!string.Equals(payer.Name, name, StringComparison.Ordinal) && !aliases.Contains(name)) aliases.Add(name);
        if (reference is not null && !aliases.Contains(reference)) aliases.Add(reference);
        _byId[id] = payer with { Aliases = aliases, CreditLimit = payer.CreditLimit ?? creditLimit };
        return id;
    }

    /// <summary><c>c-</c> + the slug; a name with no letter or digit gets a short hash so it still has a stable id.</summary>
    public static string IdFor(string name)
    {
        var slug = AgingText.Slug(name);
        if (slug.Length == 0)
        {
            slug = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..10];
        }
        return Prefix + slug;
    }

    /// <summary>The id without its prefix, for building synthetic invoice ids.</summary>
    public static string SlugOf(string payerId) => payerId.StartsWith(Prefix, StringComparison.Ordinal) ? payerId[Prefix.Length..] : payerId;
}
