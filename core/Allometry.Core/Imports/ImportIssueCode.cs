namespace Allometry.Core.Imports;

/// <summary>Every kind of import problem. Each has an English and a French template in <see cref="ImportMessages"/>.</summary>
public enum ImportIssueCode
{
    // Containers and files
    FileNotFound,
    EmptyFile,
    UnreadableFile,
    UnsupportedFormat,
    MissingSheet,
    UnknownSheet,
    EmptySheet,
    NoDataRows,
    // Headers
    MissingColumn,
    UnknownColumn,
    DuplicateColumn,
    // Cells
    RequiredValueMissing,
    InvalidAmount,
    InvalidDate,
    AmbiguousDate,
    InvalidBoolean,
    InvalidInteger,
    InvalidPercentage,
    InvalidChoice,
    InvalidProvince,
    InvalidLanguage,
    InvalidCurrency,
    InvalidMetaKey,
    InvalidDateFormat,
    // Row integrity
    TotalMismatch,
    BalanceOutOfRange,
    NegativeAmount,
    AmountNotPositive,
    DateOrder,
    // Cross-row and cross-sheet integrity
    DuplicateId,
    UnknownReference,
    PaymentOverApplied,
    InvoiceOverApplied,
    CurrencyMismatch,
    // Aging exports
    AgingLayoutNotRecognized,
    AgingAsOfMissing,
    AgingTotalMismatch,
    AgingAsOfDiffers,
    // Combining batches (a workbook with aging exports)
    AsOfMismatch,
    AgingPayerAmbiguous,
    // Whole-import
    TooManyErrors,
}
