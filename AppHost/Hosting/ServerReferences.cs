namespace PropertyPlatform.AppHost.Hosting;

public static class ServerReferences
{
    /// <summary>
    /// A reference to a server, and a wait for it when it is a database the AppHost runs (services migrate it as they
    /// start). The broker is not waited for: MassTransit connects once it is up and the outbox keeps events until
    /// then, so the services start while Erlang boots instead of after it. A server of the operator's (a configured
    /// connection string) is taken as it is.
    /// </summary>
    public static IResourceBuilder<T> WithServer<T>(this IResourceBuilder<T> resource, IResourceBuilder<IResourceWithConnectionString> server)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        resource.WithReference(server);
        return server.Resource is PostgresDatabaseResource ? resource.WaitFor(server) : resource;
    }
}
