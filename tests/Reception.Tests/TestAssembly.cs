global using ReceptionApp = PropertyPlatform.TestSupport.ServiceApp<Program>;
using PropertyPlatform.TestSupport;

[assembly: AssemblyFixture(typeof(TestInfrastructure))]
