namespace Allometry.Adapters.Ledger.Workbook;

using Allometry.Core.Ledger;

/// <summary>The <c>deliveries</c> sheet.</summary>
internal static class DeliveryRowMapper
{
    public static Delivery? Map(RowReader r)
    {
        var delivery = new Delivery
        {
            ProjectId = r.RequiredText("project_id"),
            Milestone = r.RequiredText("milestone"),
            ScheduledOn = r.RequiredDate("scheduled_on"),
            DeliveredOn = r.Date("delivered_on"),
            Status = r.Choice<DeliveryStatus>("status"),
            Source = r.Source,
        };
        return r.Ok ? delivery : null;
    }
}
