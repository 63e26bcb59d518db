using PropertyPlatform.TestSupport;

[assembly: AssemblyFixture(typeof(TestInfrastructure))]
