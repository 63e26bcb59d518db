using PropertyPlatform.Directory;
using PropertyPlatform.Directory.Apis;
using PropertyPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseServiceDefaults();
app.MapOpenApi();
app.MapPropertiesApi();
app.MapBuildingsApi();
app.MapUnitsApi();
app.MapAuthApi();
app.MapAccountsApi();
app.MapPeopleApis();
app.MapDemoApi();
app.MapFeedsApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
