using PropertyPlatform.Reception;
using PropertyPlatform.Reception.Apis;
using PropertyPlatform.ServiceDefaults;
using PropertyPlatform.ServiceDefaults.Auth;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseServiceDefaults();
app.MapOpenApi();
app.MapVisitsApi();
app.MapLostItemsApi();
app.MapKeysApi();
app.MapEnquiriesApi();
app.MapExitPassesApi();
app.MapHandoversApi();
app.MapAccessCardsApi();
app.MapBlocklistApi();
app.MapVehiclesApi();
app.MapInspectionsApi();
app.MapPhotosApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
