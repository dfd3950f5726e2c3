namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;

internal sealed partial class SampleDraft
{
    /// <summary>Records retainage held from <paramref name="invoice"/>.</summary>
    public void Hold(Invoice invoice, decimal amount, DateOnly? releaseDueOn = null) =>
        _holds.Add(new RetainageHold
        {
            ProjectId = invoice.ProjectId ?? throw new InvalidOperationException($"{invoice.InvoiceId} has no project."),
            InvoiceId = invoice.InvoiceId,
            HeldAmount = amount,
            ReleaseDueOn = releaseDueOn,
        });

    /// <summary>Gives every hold of the project that has no release date yet the date <paramref name="due"/>.</summary>
    public void SetHoldsDue(string projectId, DateOnly due)
    {
        for (var i = 0; i < _holds.Count; i++)
        {
            if (_holds[i].ProjectId == projectId && _holds[i].ReleaseDueOn is null)
            {
                _holds[i] = _holds[i] with { ReleaseDueOn = due };
            }
        }
    }

    /// <summary>Retainage of the project not yet billed for release.</summary>
    public decimal OpenHolds(string projectId) =>
        _holds.Where(h => h.ProjectId == projectId && h.ReleaseInvoiceId is null).Sum(h => h.HeldAmount);

    /// <summary>Marks every open hold of the project as released by <paramref name="release"/>.</summary>
    public void ReleaseHolds(string projectId, Invoice release, DateOnly? collectedOn)
    {
        for (var i = 0; i < _holds.Count; i++)
        {
            if (_holds[i].ProjectId == projectId && _holds[i].ReleaseInvoiceId is null)
            {
                _holds[i] = _holds[i] with { ReleasedOn = release.IssueDate, ReleaseInvoiceId = release.InvoiceId, CollectedOn = collectedOn };
            }
        }
    }
}
