namespace Allometry.Core.Tests.Ledger;

using Allometry.Core.Ledger;

public sealed class LedgerVocabularyTests
{
    [Theory]
    [InlineData(InvoiceKind.RetainageRelease, "retainage_release")]
    [InlineData(ReleaseRule.QcReception, "qc_reception")]
    [InlineData(ProjectStatus.SubstantiallyComplete, "substantially_complete")]
    [InlineData(InvoiceOrigin.AgingSummary, "aging_summary")]
    public void ToCode_PascalCaseMember_SnakeCase<T>(T value, string expected) where T : struct, Enum
    {
        Assert.Equal(expected, LedgerVocabulary.ToCode(value));
        Assert.True(LedgerVocabulary.TryParse<T>(expected, out var back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(" Retainage-Release ")]
    [InlineData("RETAINAGE RELEASE")]
    public void TryParse_CaseSpacesAndHyphens_Accepted(string text)
    {
        Assert.True(LedgerVocabulary.TryParse<InvoiceKind>(text, out var kind));
        Assert.Equal(InvoiceKind.RetainageRelease, kind);
    }

    [Fact]
    public void Province_CodesAreUpperCaseAndParseCaseInsensitively()
    {
        Assert.Equal("QC", LedgerVocabulary.ToCode(Province.QC));
        Assert.True(LedgerVocabulary.TryParse<Province>("on", out var on));
        Assert.Equal(Province.ON, on);
        Assert.False(LedgerVocabulary.TryParse<Province>("XX", out _));
        Assert.Equal(13, LedgerVocabulary.AllCodes<Province>().Count);
    }

    [Fact]
    public void Parse_UnknownCode_Throws()
    {
        Assert.Throws<FormatException>(() => LedgerVocabulary.Parse<InvoiceKind>("refund"));
    }
}
