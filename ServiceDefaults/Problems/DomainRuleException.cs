namespace PropertyPlatform.ServiceDefaults.Problems;

/// <summary>
/// A request that the domain refuses in the current state (e.g. accepting a cancelled work order).
/// Thrown by entities before they change anything; answered as 409 Conflict with the message as detail.
/// </summary>
public class DomainRuleException(string message) : Exception(message);
