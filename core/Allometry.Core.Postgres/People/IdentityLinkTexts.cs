namespace Allometry.Core.Postgres.People;

using Allometry.Core.Localization;
using Allometry.Core.People;

/// <summary>What an administrator reads when a link or unlink of a chat identity is refused, in both languages.</summary>
public static class IdentityLinkTexts
{
    public static LocalizedText UnknownEmail(string email, string tenantId) => new(
        $"No user '{email}' in tenant '{tenantId}'. Add them first (allometry users add {email} --name … --role …). Nothing was changed.",
        $"Aucun utilisateur « {email} » dans le locataire « {tenantId} ». Ajoutez-le d'abord (allometry users add {email} --name … --role …). Rien n'a été modifié.");

    public static LocalizedText RealmOfAnotherTenant(PlatformIdentity identity) => new(
        $"{Describe(identity, Language.En)}: realm '{identity.Realm}' is connected to another tenant, so its people are that tenant's to link. Nothing was changed.",
        $"{Describe(identity, Language.Fr)} : le domaine « {identity.Realm} » est relié à un autre locataire; c'est à lui d'y relier ses gens. Rien n'a été modifié.");

    public static LocalizedText LinkedToSomeoneElse(PlatformIdentity identity, InternalUser other) => new(
        $"{Describe(identity, Language.En)} is already linked to {other.Name} <{other.Email}>. Unlink it first (allometry users unlink …). Nothing was changed.",
        $"{Describe(identity, Language.Fr)} est déjà relié à {other.Name} <{other.Email}>. Déliez-le d'abord (allometry users unlink …). Rien n'a été modifié.");

    // The person behind it works only for other tenants: saying who would tell this tenant about theirs.
    public static LocalizedText LinkedOutsideTenant(PlatformIdentity identity) => new(
        $"{Describe(identity, Language.En)} is already linked to a person who does not work for this tenant. Nothing was changed.",
        $"{Describe(identity, Language.Fr)} est déjà relié à une personne qui ne travaille pas pour ce locataire. Rien n'a été modifié.");

    public static LocalizedText NotLinked(PlatformIdentity identity) => new(
        $"{Describe(identity, Language.En)} is not linked to anyone. Nothing was changed.",
        $"{Describe(identity, Language.Fr)} n'est relié à personne. Rien n'a été modifié.");

    public static LocalizedText LinkedToAnother(PlatformIdentity identity, InternalUser linked, string email) => new(
        $"{Describe(identity, Language.En)} is linked to {linked.Name} <{linked.Email}>, not to {email}. Nothing was changed.",
        $"{Describe(identity, Language.Fr)} est relié à {linked.Name} <{linked.Email}>, pas à {email}. Rien n'a été modifié.");

    /// <summary>"Slack account U123 (team T456)" / "compte Slack U123 (domaine T456)".</summary>
    public static string Describe(PlatformIdentity identity, Language language)
    {
        var platform = identity.Platform switch
        {
            Platform.Teams => "Teams",
            Platform.Slack => "Slack",
            Platform.WebChat => language == Language.Fr ? "de clavardage web" : "Web chat",
            _ => identity.Platform.ToString(),
        };
        return language == Language.Fr
            ? $"Le compte {platform} {identity.UserId} (domaine {identity.Realm})"
            : $"{platform} account {identity.UserId} (realm {identity.Realm})";
    }
}
