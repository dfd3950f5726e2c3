namespace Allometry.Adapters.Ledger.Tests.Writing;

using System.Text;
using Allometry.Adapters.Ledger.Writing;

public sealed class CsvTableWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Lévis", "Lévis")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Field_Value_QuotedOnlyWhenRfc4180NeedsIt(string value, string expected)
    {
        // Act
        var field = CsvTableWriter.Field(value);

        // Assert
        Assert.Equal(expected, field);
    }

    [Fact]
    public void Write_Table_HeaderThenRowsCrlfUtf8WithoutBom()
    {
        // Arrange
        var table = new XlsxSheet("payers", ["payer_id", "name", "credit_limit"],
            [["P-1", "Érablière, inc.", XlsxCell.Money(250000m)], ["P-2", "Bluenose", XlsxCell.Empty]]);
        using var buffer = new MemoryStream();

        // Act
        CsvTableWriter.Write(buffer, table);

        // Assert
        var bytes = buffer.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("payer_id,name,credit_limit\r\nP-1,\"Érablière, inc.\",250000.00\r\nP-2,Bluenose,\r\n", Encoding.UTF8.GetString(bytes));
    }
}
