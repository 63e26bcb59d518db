using PropertyPlatform.Complaints;
using PropertyPlatform.Complaints.Apis;
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
app.MapComplaintsApi();
app.MapComplaintActionsApi();
app.MapComplaintWorkOrdersApi();
app.MapComplaintPhotosApi();
app.MapSuggestionsApi();
app.MapVisitsApi();
app.MapVisitPlansApi();
app.MapSurveysApi();
app.MapStatisticsApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
