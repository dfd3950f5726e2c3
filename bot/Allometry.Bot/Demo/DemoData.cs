namespace Allometry.Bot.Demo;

using Allometry.Bot.Imports;
using Allometry.Core.Sample;

/// <summary>What <see cref="DemoSetup"/> found or did: the workbook, and either the date of the data reused or the ledger just generated and its import.</summary>
internal sealed record DemoData(string Workbook, DateOnly? ReusedAsOf, SampleLedger? Generated, ImportOutcome? Imported);
