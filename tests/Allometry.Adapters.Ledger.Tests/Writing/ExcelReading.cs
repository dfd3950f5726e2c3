namespace Allometry.Adapters.Ledger.Tests.Writing;

using System.Text;
using ExcelDataReader;

/// <summary>ExcelDataReader, the reader the importer uses, opened the way the importer opens it.</summary>
internal static class ExcelReading
{
    public static IExcelDataReader Open(Stream stream)
    {
        // ExcelDataReader's configuration asks for code page 1252 even for .xlsx.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return ExcelReaderFactory.CreateOpenXmlReader(stream);
    }
}
