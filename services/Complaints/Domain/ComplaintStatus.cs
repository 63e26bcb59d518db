namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// The life of a complaint (DOMAIN.md "Complaints"): received → investigating → responded → feedback (the complainant
/// satisfied) → closed; the complainant not satisfied, or staff finding it unresolved → reopened → investigating again.
/// </summary>
public enum ComplaintStatus
{
    /// <summary>已受理</summary>
    Received,
    /// <summary>调查核实</summary>
    Investigating,
    /// <summary>已答复</summary>
    Responded,
    /// <summary>The complainant said they are satisfied; ready to close.</summary>
    Feedback,
    /// <summary>已关闭</summary>
    Closed,
    /// <summary>重新处理: to be investigated again.</summary>
    Reopened,
}
