namespace Allometry.Core.Postgres.Tests.Ledger;

using Allometry.Core.Postgres.Ledger;

/// <summary>Two connections' reads of one snapshot merged into one ledger: each row once, in key order.</summary>
public sealed class ScopeRowsTests
{
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    [Fact]
    public void MergeByKey_RowsOnBothSides_KeepsEachOnceInKeyOrder()
    {
        // Arrange: the screened read and the base scope both read INV-2 and INV-5.
        List<string> screened = ["INV-2", "INV-5", "INV-9"];
        List<string> baseScope = ["INV-1", "INV-2", "INV-5", "INV-7"];

        // Act
        var merged = ScopeRows.MergeByKey(screened, baseScope, Ordinal);

        // Assert
        Assert.Equal(["INV-1", "INV-2", "INV-5", "INV-7", "INV-9"], merged);
    }

    [Fact]
    public void MergeByKey_SidesNotInOrdinalOrder_StillKeepsEachKeyOnce()
    {
        // Arrange: "C" collation orders U+FB01 (3 UTF-8 bytes) before U+1F600 (4 bytes); ordinal
        // UTF-16 order puts the surrogate pair first. A merge trusting either order would keep a twin.
        List<string> screened = ["A\uFB01", "A\U0001F600"];
        List<string> baseScope = ["A\U0001F600", "B"];

        // Act
        var merged = ScopeRows.MergeByKey(screened, baseScope, Ordinal);

        // Assert
        Assert.Equal(3, merged.Count);
        Assert.Equal(merged.Distinct(StringComparer.Ordinal).Count(), merged.Count);
    }

    [Fact]
    public void MergeByKey_OneSideEmpty_IsTheOtherSide()
    {
        // Arrange
        List<string> rows = ["P-1", "P-2"];

        // Act
        var merged = ScopeRows.MergeByKey(rows, [], Ordinal);

        // Assert
        Assert.Equal(rows, merged);
    }
}
