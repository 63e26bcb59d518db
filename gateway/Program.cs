using PropertyPlatform.Gateway;
using PropertyPlatform.Gateway.WebConsole;
using PropertyPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseServiceDefaults();
app.UseGateway();

app.MapDefaultEndpoints();
app.MapGateway();
app.MapConsole();

app.Run();

public partial class Program;
