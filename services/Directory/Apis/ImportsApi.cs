using Microsoft.AspNetCore.Http.HttpResults;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.Infrastructure.Import;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/imports").WithTags("Imports");

        api.MapPost("/units-and-occupants", ImportUnitsAndOccupants).WithName("ImportUnitsAndOccupants")
            // One Accepts: routing matches the request's content type against the last one declared.
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireRoles(Roles.Admin);
        return app;
    }

    /// <summary>
    /// Imports units and occupants of one property from a CSV file (multipart/form-data with one file, or a
    /// text/csv body) and answers row by row what was imported, what already existed and what was rejected and
    /// why. Columns: building, unit_number, floor, type, chargeable_area, and for an occupied unit occupant_name,
    /// occupant_kind, phone, email, occupancy_role, move_in_date.
    /// </summary>
    /// <remarks>
    /// The file is read as a whole before the form or body is parsed, rather than bound as an <see cref="IFormFile"/>
    /// argument: that binding would require antiforgery tokens, which an API called with bearer tokens has no use for.
    /// </remarks>
    public static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> ImportUnitsAndOccupants(
        Guid? propertyId, HttpRequest request, Caller caller, DirectoryDbContext db, UnitsAndOccupantsImport import, CancellationToken cancellationToken)
    {
        if (propertyId is null || propertyId == Guid.Empty)
        {
            return ProblemResults.Invalid("propertyId", "Give the property to import into: ?propertyId=….");
        }
        var property = await db.Properties.FindAsync([propertyId.Value], cancellationToken);
        if (property is null || !caller.MayManage(property.Id))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is registered.");
        }

        Stream content;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.Count != 1)
            {
                return ProblemResults.Invalid("file", "Attach exactly one CSV file.");
            }
            content = form.Files[0].OpenReadStream();
        }
        else if (request.ContentType is { } type && (type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            content = request.Body;
        }
        else
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request content type is not supported.",
                detail: "Send the CSV file as multipart/form-data or as a text/csv body.");
        }

        byte[] bytes;
        await using (content)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > UnitsAndOccupantsCsv.MaxBytes)
                {
                    return ProblemResults.Invalid("file", $"The file is larger than {UnitsAndOccupantsCsv.MaxBytes / 1024 / 1024} MB: split it into several files.");
                }
                buffer.Write(chunk, 0, read);
            }
            bytes = buffer.ToArray();
        }

        var file = UnitsAndOccupantsCsv.Read(UnitsAndOccupantsCsv.Decode(bytes));
        if (file.Problem is { } problem)
        {
            return ProblemResults.Invalid("file", problem);
        }
        return TypedResults.Ok(await import.RunAsync(property, file, cancellationToken));
    }
}
