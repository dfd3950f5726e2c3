namespace Allometry.Core.Ledger;

/// <summary>Canadian provinces and territories by their two-letter postal abbreviation.</summary>
public enum Province
{
    AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT,
}
