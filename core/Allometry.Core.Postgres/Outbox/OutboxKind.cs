namespace Allometry.Core.Postgres.Outbox;

/// <summary>What a queued message asks the platform to do.</summary>
public enum OutboxKind
{
    /// <summary>Post a new card; when it carries an exception id, the message map records where it landed.</summary>
    Post,

    /// <summary>Replace a posted card in place (<see cref="OutboxMessage.MessageId"/> names it).</summary>
    Update,

    /// <summary>Delete a posted card.</summary>
    Delete,
}
