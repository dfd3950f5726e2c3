namespace Allometry.Core.Sample;

using Allometry.Core.Ledger;

/// <summary>The operator's bank statement for the last 90 days: one credit per payment, monthly fees.</summary>
internal static class SampleBank
{
    private const string Account = "00121-004-1234567";

    public static IReadOnlyList<BankTransaction> Statement(SampleDraft d)
    {
        var from = d.Day(-90);
        var lines = new List<(DateOnly On, decimal Amount, string Description, string? Reference)>();
        foreach (var payment in d.Payments.Where(p => p.ReceivedOn >= from))
        {
            var name = d.Payer(payment.PayerId).Name.ToUpperInvariant();
            var description = payment.Method switch
            {
                "cheque" => $"DÉPÔT CHÈQUE {name}",
                "Interac" => $"VIREMENT INTERAC {name}",
                "wire" => $"WIRE IN {name}",
                _ => $"EFT CREDIT {name}",
            };
            lines.Add((payment.ReceivedOn, payment.Amount, description, payment.Reference));
        }
        for (var month = new DateOnly(from.Year, from.Month, 1).AddMonths(1); month < d.AsOf; month = month.AddMonths(1))
        {
            lines.Add((month, -d.Dollars(35, 65), "FRAIS DE SERVICE MENSUELS / MONTHLY SERVICE FEE", null));
        }
        return
        [
            .. lines
                .OrderBy(l => l.On)
                .Select((l, i) => new BankTransaction
                {
                    TransactionId = $"BT-{i + 1:00000}",
                    PostedOn = l.On,
                    Amount = l.Amount,
                    Description = l.Description,
                    Reference = l.Reference,
                    Account = Account,
                }),
        ];
    }
}
