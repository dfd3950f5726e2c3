namespace Allometry.Core.Rules;

/// <summary>What a finding is about.</summary>
public enum SubjectKind { Payer, Project, Invoice, RetainageHold, ServiceContract, LinkedGroup, Payment, Quote, Delivery, Promise }
