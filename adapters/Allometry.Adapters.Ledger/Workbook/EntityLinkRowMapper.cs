namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Ledger;

/// <summary>The <c>entity_links</c> sheet.</summary>
internal static class EntityLinkRowMapper
{
    public static EntityLink? Map(RowReader r)
    {
        var link = new EntityLink
        {
            FromPayerId = r.RequiredText("from_payer_id"),
            ToPayerId = r.RequiredText("to_payer_id"),
            Kind = r.RequiredChoice<EntityLinkKind>("kind"),
            EffectiveDate = r.Date("effective_date"),
            Note = r.Text("note"),
            Source = r.Source,
        };
        return r.Ok ? link : null;
    }
}
