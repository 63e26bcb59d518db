using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PropertyPlatform.Directory.Demo;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.Apis;

public static class DemoApi
{
    public static IEndpointRouteBuilder MapDemoApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/demo-data", LoadDemoData).WithName("LoadDemoData").WithTags("Demo")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRoles(Roles.Admin);
        return app;
    }

    /// <summary>
    /// Loads the demo property (环球贸易中心: two buildings, 199 units, occupants, one account per role with the
    /// password <c>Demo@12345</c>) and says what it loaded, or that it was there already. Outside demo mode the
    /// endpoint does not exist (404), so the demo password cannot be brought into a real installation.
    /// </summary>
    public static async Task<Results<Ok<DemoLoadResult>, ProblemHttpResult>> LoadDemoData(
        IOptions<DemoOptions> options, DemoData demo, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Demo mode is off.",
                detail: "Demo data can only be loaded when Directory:Demo:Enabled is true.");
        }
        return TypedResults.Ok(await demo.LoadAsync(cancellationToken));
    }
}
