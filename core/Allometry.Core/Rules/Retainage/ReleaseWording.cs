namespace Allometry.Core.Rules.Retainage;

using Allometry.Core.Localization;
using static Allometry.Core.Rules.Retainage.RetainageText;

/// <summary>Why a release date is what it is, as a clause both languages can drop into a sentence.</summary>
internal static class ReleaseWording
{
    public static LocalizedText Why(ReleaseDate due)
    {
        var (on, anchor) = (Date(due.On), Date(due.Anchor));
        return due.Basis switch
        {
            ReleaseBasis.Csp => new(
                $"certificate of substantial performance published {anchor}, lien period over {on}",
                $"certificat d'achèvement substantiel publié le {anchor}, délai de privilège échu le {on}"),
            ReleaseBasis.StatutoryAnnual => new(
                $"annual release of the holdback accrued to the contract anniversary of {anchor}, payable {on}",
                $"libération annuelle de la retenue accumulée à l'anniversaire du contrat du {anchor}, exigible le {on}"),
            ReleaseBasis.ContractAnnual => new(
                $"the contract's annual release at the anniversary of {anchor}, due {on}",
                $"libération annuelle prévue au contrat à l'anniversaire du {anchor}, due le {on}"),
            ReleaseBasis.Reception => new(
                $"réception des travaux {anchor}, releasable {on}",
                $"réception des travaux le {anchor}, exigible le {on}"),
            ReleaseBasis.AfterFinal => new(
                $"final invoice of {anchor}, release due {on}",
                $"facture finale du {anchor}, libération due le {on}"),
            _ => new(
                $"release due {on} per the retainage sheet",
                $"libération due le {on} selon le registre des retenues"),
        };
    }

    /// <summary>The <c>projects</c> column the date counts from, or null when it comes from elsewhere.</summary>
    public static string? AnchorField(ReleaseBasis basis) => basis switch
    {
        ReleaseBasis.Csp => "csp_published_on",
        ReleaseBasis.StatutoryAnnual or ReleaseBasis.ContractAnnual => "contract_date",
        ReleaseBasis.Reception => "reception_on",
        _ => null,
    };
}
