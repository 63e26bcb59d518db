namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// The life of a complaint (DOMAIN.md "Complaints"). Received → investigating → responded are in use;
/// the complainant's feedback, closing and reopening come with the next steps.
/// </summary>
public enum ComplaintStatus
{
    Received,
    Investigating,
    Responded,
    Feedback,
    Closed,
    Reopened,
}
