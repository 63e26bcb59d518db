using PropertyPlatform.ServiceDefaults;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.WorkOrders;
using PropertyPlatform.WorkOrders.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication();
builder.AddApplicationServices();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseServiceDefaults();
app.MapOpenApi();
app.MapWorkOrdersApi();
app.MapWorkOrderSearchApi();
app.MapWorkOrderActionsApi();
app.MapWorkOrderPhotosApi();
app.MapWorkOrderCommentsApi();
app.MapTimeLimitsApi();
app.MapBoardApi();
app.MapStatisticsApi();
app.MapPatrolsApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
