namespace Allometry.Core.Postgres.Outbox;

// The snake_case spellings of 0011's kind and status columns.
internal static class OutboxCodes
{
    public static string ToCode(OutboxKind kind) => kind switch
    {
        OutboxKind.Post => "post",
        OutboxKind.Update => "update",
        OutboxKind.Delete => "delete",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static OutboxKind ParseKind(string code) => code switch
    {
        "post" => OutboxKind.Post,
        "update" => OutboxKind.Update,
        "delete" => OutboxKind.Delete,
        _ => throw new FormatException($"Unknown outbox kind '{code}'."),
    };

    public static string ToCode(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "pending",
        OutboxStatus.Sending => "sending",
        OutboxStatus.Sent => "sent",
        OutboxStatus.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
