global using BillingApp = PropertyPlatform.TestSupport.ServiceApp<Program>;
using PropertyPlatform.TestSupport;

[assembly: AssemblyFixture(typeof(TestInfrastructure))]
