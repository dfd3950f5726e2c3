namespace Allometry.Core.Sample;

/// <summary>What the operator sells; decides the supply type, deposit and retainage terms.</summary>
internal enum BusinessLine { EvCharging, Solar, Lockers, Maintenance }
