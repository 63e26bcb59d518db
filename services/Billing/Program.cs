using PropertyPlatform.Billing;
using PropertyPlatform.Billing.Apis;
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
app.MapFeeSchedulesApi();
app.MapLateFeeRulesApi();
app.MapUnitChargesApi();
app.MapBillRunsApi();
app.MapBillsApi();
app.MapPaymentsApi();
app.MapReceiptsApi();
app.MapArrearsApi();
app.MapOccupanciesApi();
app.MapDepositsApi();
app.MapCashDaysApi();
app.MapMeterReadingsApi();
app.MapArrearsExportsApi();
app.MapCashierListsApi();
app.MapScheduledRunsApi();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
