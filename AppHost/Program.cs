// `./platform up`: starts PostgreSQL, RabbitMQ, the six services and the gateway as declared in
// Platform.cs, streams their logs and stops them all on Ctrl+C.
using PropertyPlatform.AppHost;
using PropertyPlatform.AppHost.Hosting;

var builder = PlatformBuilder.Create(args);
Platform.Declare(builder);
return await builder.RunAsync();
