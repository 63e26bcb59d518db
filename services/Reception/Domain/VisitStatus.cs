namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// The life of a visit (DOMAIN.md "Reception and front desk"). A pre-registered visit starts <see cref="Expected"/>;
/// a walk-in starts <see cref="AwaitingHost"/> and becomes expected when the host confirms, <see cref="Declined"/> when
/// they decline, and reads <see cref="Expired"/> when nobody answered in time (computed from the confirmation deadline,
/// never stored: the deadline passing changes nothing in the database).
/// </summary>
public enum VisitStatus
{
    Expected,
    CheckedIn,
    CheckedOut,
    Cancelled,
    AwaitingHost,
    Declined,
    Expired,
}
