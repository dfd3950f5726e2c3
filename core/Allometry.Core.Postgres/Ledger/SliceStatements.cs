namespace Allometry.Core.Postgres.Ledger;

using Npgsql;

/// <summary>
/// Statements a caller rides along with a project slice's first round trip (<c>$1</c> the tenant,
/// <c>$2</c> the project): <see cref="Leading"/> run before the slice's own statements, and
/// <see cref="Trailing"/> after them. Each reader consumes its statements' results and moves past
/// them (<see cref="NpgsqlDataReader.NextResultAsync(CancellationToken)"/>).
/// </summary>
/// <remarks>
/// An incremental evaluation takes the tenant's lock and reads the settings first, and the
/// project's stored exceptions last: one round trip where it took four, which is most of a
/// few-millisecond budget on a busy machine.
/// </remarks>
internal sealed record SliceStatements(
    IReadOnlyList<string> Leading,
    Func<NpgsqlDataReader, CancellationToken, Task> ReadLeadingAsync,
    IReadOnlyList<string> Trailing,
    Func<NpgsqlDataReader, CancellationToken, Task> ReadTrailingAsync);
