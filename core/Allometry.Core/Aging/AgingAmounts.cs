namespace Allometry.Core.Aging;

/// <summary>Open balances split by aging bucket; exact decimals, no rounding.</summary>
public readonly record struct AgingAmounts(decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90)
{
    public decimal Total => Current + Days1To30 + Days31To60 + Days61To90 + Over90;

    /// <summary>Past due: everything but <see cref="Current"/>.</summary>
    public decimal Overdue => Days1To30 + Days31To60 + Days61To90 + Over90;

    public decimal this[AgingBucket bucket] => bucket switch
    {
        AgingBucket.Current => Current,
        AgingBucket.Days1To30 => Days1To30,
        AgingBucket.Days31To60 => Days31To60,
        AgingBucket.Days61To90 => Days61To90,
        _ => Over90,
    };

    /// <summary>These amounts plus <paramref name="balance"/> in <paramref name="bucket"/>.</summary>
    public AgingAmounts Add(AgingBucket bucket, decimal balance) => bucket switch
    {
        AgingBucket.Current => this with { Current = Current + balance },
        AgingBucket.Days1To30 => this with { Days1To30 = Days1To30 + balance },
        AgingBucket.Days31To60 => this with { Days31To60 = Days31To60 + balance },
        AgingBucket.Days61To90 => this with { Days61To90 = Days61To90 + balance },
        _ => this with { Over90 = Over90 + balance },
    };

    public static AgingAmounts operator +(AgingAmounts a, AgingAmounts b) =>
        new(a.Current + b.Current, a.Days1To30 + b.Days1To30, a.Days31To60 + b.Days31To60, a.Days61To90 + b.Days61To90, a.Over90 + b.Over90);
}
