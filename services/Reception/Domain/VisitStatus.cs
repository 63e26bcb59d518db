namespace PropertyPlatform.Reception.Domain;

/// <summary>The life of a pre-registered visit (DOMAIN.md "Reception and front desk").</summary>
public enum VisitStatus
{
    Expected,
    CheckedIn,
    CheckedOut,
    Cancelled,
}
