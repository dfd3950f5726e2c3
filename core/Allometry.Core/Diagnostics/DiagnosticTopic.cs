namespace Allometry.Core.Diagnostics;

/// <summary>The part of the business a rule watches; groups the report's sections.</summary>
public enum DiagnosticTopic
{
    Collections,
    Retainage,
    Deposits,
    QuoteVariance,
    LinkedEntities,
    Tax,
    Renewals,
}
