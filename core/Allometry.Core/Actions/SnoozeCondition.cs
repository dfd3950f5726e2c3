namespace Allometry.Core.Actions;

/// <summary>What ends a snooze besides its date.</summary>
public enum SnoozeCondition
{
    /// <summary>Only the date (or a material worsening) ends it.</summary>
    None,
    /// <summary>Any payment received from the payer.</summary>
    PaymentReceived,
    /// <summary>The project's deposit is paid.</summary>
    DepositReceived,
}
