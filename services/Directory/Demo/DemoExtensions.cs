namespace PropertyPlatform.Directory.Demo;

internal static class DemoExtensions
{
    /// <summary>Demo mode (<c>Directory:Demo:Enabled</c>): the demo data loader, its start-up load and <c>POST /demo-data</c>.</summary>
    public static void AddDemoData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName));
        builder.Services.AddScoped<DemoData>();
        // Registered after the database's migrator and the sign-in services, so it runs once the schema is there.
        builder.Services.AddHostedService<DemoDataStartup>();
    }
}
