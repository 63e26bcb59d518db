using PropertyPlatform.Notifications;
using PropertyPlatform.Notifications.Apis;
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
app.MapInboxApi();
app.MapDeliveriesApi();
app.MapWebhooksApi();
app.MapPreferencesApi();
app.MapRoutingApi();
app.MapTemplatesApi();
app.MapEventTypesApi();
app.MapInboxHub();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
