global using NotificationsApp = PropertyPlatform.TestSupport.ServiceApp<Program>;
using PropertyPlatform.TestSupport;

// One PostgreSQL server and one RabbitMQ node for all of this assembly's tests; each test takes its own database and virtual host.
[assembly: AssemblyFixture(typeof(TestInfrastructure))]
