namespace Allometry.Core.Questions;

/// <summary>What a question asks for, whatever the language or phrasing.</summary>
public enum QuestionIntent
{
    /// <summary>Not understood: the answer lists what can be asked.</summary>
    Unknown,
    /// <summary>"help", "aide", "what can you do?".</summary>
    Help,
    /// <summary>What is owed on a project or site, or by a payer ("balance MR-104", "combien est dû sur Érablière?").</summary>
    Owed,
    /// <summary>What a linked-entity group owes in total ("exposure for group Northwind").</summary>
    GroupExposure,
    /// <summary>Retainage / holdback / retenue still held on a project.</summary>
    Retainage,
    /// <summary>Whether a project's deposit is in.</summary>
    Deposit,
    /// <summary>Deposit invoices past due with money still owed.</summary>
    OverdueDeposits,
    /// <summary>Service contracts renewing within N days (60 unless asked).</summary>
    RenewalsDue,
    /// <summary>The open exceptions with the highest risk.</summary>
    TopRisks,
    /// <summary>The payers that owe the most ("who owes us the most", "qui nous doit le plus").</summary>
    TopDebtors,
    /// <summary>The asker's own queue: open exceptions on their projects or assigned to them.</summary>
    MyQueue,
    /// <summary>Exceptions that changed in the last 24 hours.</summary>
    ChangedSinceYesterday,
}
