using PropertyPlatform.Gateway;
using PropertyPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseServiceDefaults();
app.UseGateway();

app.MapDefaultEndpoints();
app.MapGateway();

app.Run();

public partial class Program;
