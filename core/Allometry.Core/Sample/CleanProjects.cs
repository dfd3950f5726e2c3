namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;
using static ProjectFactory;

/// <summary>Picks a business line, site and stage for a clean project and builds it.</summary>
internal static class CleanProjects
{
    private static readonly Province[] Provinces = [Province.QC, Province.ON, Province.NS, Province.BC];

    public static Project Add(SampleDraft d, Payer payer, CleanScope scope)
    {
        var roll = d.Between(1, 100);
        var line = roll switch
        {
            <= 35 => BusinessLine.EvCharging,
            <= 60 => BusinessLine.Solar,
            <= 85 => BusinessLine.Lockers,
            _ => BusinessLine.Maintenance,
        };
        var supply = line switch
        {
            BusinessLine.EvCharging => d.Chance(60) ? SupplyType.Construction : SupplyType.Goods,
            BusinessLine.Solar => SupplyType.Construction,
            BusinessLine.Lockers => d.Chance(50) ? SupplyType.Goods : SupplyType.Lease,
            _ => SupplyType.Service,
        };
        if (scope != CleanScope.Any && supply is SupplyType.Lease or SupplyType.Service)
        {
            (line, supply) = (BusinessLine.Lockers, SupplyType.Goods);
        }
        var home = payer.Province ?? Province.QC;
        var site = supply == SupplyType.Service || !d.Chance(15) ? home : d.Pick(Provinces);
        var template = Base(d, payer, line, supply, site);
        return supply switch
        {
            SupplyType.Construction => Construction(d, template, line, scope),
            SupplyType.Goods => Goods(d, template, line, scope),
            SupplyType.Lease => CleanSupplies.Lease(d, template),
            _ => CleanSupplies.Service(d, template),
        };
    }

    private static Project Construction(SampleDraft d, Project template, BusinessLine line, CleanScope scope)
    {
        var total = line == BusinessLine.Solar ? d.Dollars(90_000, 300_000) : d.Dollars(40_000, 220_000);
        var roll = d.Between(1, 100);
        return scope switch
        {
            CleanScope.ClosedOnly => CleanConstruction.Closed(d, template, total),
            CleanScope.NoOpenAr => roll <= 30 ? CleanSupplies.Quoted(d, template, total) : CleanConstruction.Closed(d, template, total),
            _ => roll switch
            {
                <= 10 => CleanSupplies.Quoted(d, template, total),
                <= 25 => CleanSupplies.AwaitingDelivery(d, template, total),
                <= 60 => CleanConstruction.InProgress(d, template, total),
                <= 75 => CleanConstruction.Completing(d, template, total),
                _ => CleanConstruction.Closed(d, template, total),
            },
        };
    }

    private static Project Goods(SampleDraft d, Project template, BusinessLine line, CleanScope scope)
    {
        var total = line == BusinessLine.EvCharging ? d.Dollars(15_000, 80_000) : d.Dollars(12_000, 60_000);
        var roll = d.Between(1, 100);
        return scope switch
        {
            CleanScope.ClosedOnly => CleanSupplies.Delivered(d, template, total, settled: true),
            CleanScope.NoOpenAr => roll <= 30 ? CleanSupplies.Quoted(d, template, total) : CleanSupplies.Delivered(d, template, total, settled: true),
            _ => roll switch
            {
                <= 10 => CleanSupplies.Quoted(d, template, total),
                <= 30 => CleanSupplies.AwaitingDelivery(d, template, total),
                _ => CleanSupplies.Delivered(d, template, total, settled: false),
            },
        };
    }
}
