namespace PropertyPlatform.AppHost.Hosting;

public static class ServerReferences
{
    /// <summary>
    /// A reference to a server, and a wait for it when the AppHost runs it; a server of the operator's
    /// (a configured connection string) is taken as it is.
    /// </summary>
    public static IResourceBuilder<T> WithServer<T>(this IResourceBuilder<T> resource, IResourceBuilder<IResourceWithConnectionString> server)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        resource.WithReference(server);
        return server.Resource is ExecutableResource or PostgresDatabaseResource ? resource.WaitFor(server) : resource;
    }
}
