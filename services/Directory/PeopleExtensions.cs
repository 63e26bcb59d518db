using PropertyPlatform.Directory.Apis;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.Infrastructure.Auditing;
using PropertyPlatform.Directory.Infrastructure.DataProtection;
using PropertyPlatform.Directory.Infrastructure.Import;

namespace PropertyPlatform.Directory;

/// <summary>Occupants, occupancies, staff, the unit and occupant import, and what keeps people's data safe.</summary>
internal static class PeopleExtensions
{
    public static void AddPeopleServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditActor>();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.ConfigureDbContext<DirectoryDbContext>(
            (services, options) => options.AddInterceptors(services.GetRequiredService<AuditInterceptor>()));
        builder.AddDirectoryDataProtection();
        builder.Services.AddScoped<UnitsAndOccupantsImport>();
    }

    public static IEndpointRouteBuilder MapPeopleApis(this IEndpointRouteBuilder app)
    {
        app.MapOccupantsApi();
        app.MapOccupanciesApi();
        app.MapStaffApi();
        app.MapImportsApi();
        return app;
    }
}
