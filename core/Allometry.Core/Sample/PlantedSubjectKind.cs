namespace Allometry.Core.Sample;

/// <summary>What a planted case is about; decides how <see cref="PlantedCase.SubjectId"/> reads.</summary>
public enum PlantedSubjectKind
{
    /// <summary>A <c>payer_id</c>.</summary>
    Payer,
    /// <summary>A <c>project_id</c>.</summary>
    Project,
    /// <summary>An <c>invoice_id</c> (credit notes included).</summary>
    Invoice,
    /// <summary>A retainage hold, written <c>project_id/invoice_id</c> (or <c>project_id</c> for a project-level hold).</summary>
    Hold,
    /// <summary>A service <c>contract_id</c>.</summary>
    Contract,
}
