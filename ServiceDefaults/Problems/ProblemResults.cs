using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PropertyPlatform.ServiceDefaults.Problems;

/// <summary>The problem responses endpoints return themselves, worded the same way in every service.</summary>
public static class ProblemResults
{
    /// <summary>404 for a record that does not exist or is outside the caller's scope (no existence leak).</summary>
    public static ProblemHttpResult NotFound(string what, object id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"The {what} was not found.", detail: $"No {what} with id '{id}'.");

    /// <summary>409 for a request the current state refuses, e.g. a record that would duplicate one that exists.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: ProblemTitles.Conflict, detail: detail);

    /// <summary>400 with one field error, for rules that need data (e.g. an unknown unit id in the body).</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}

internal static class ProblemTitles
{
    public const string Conflict = "The request conflicts with the current state.";
}
