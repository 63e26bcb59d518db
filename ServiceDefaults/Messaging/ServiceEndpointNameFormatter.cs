using MassTransit;

namespace PropertyPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Kebab-case queue names prefixed by the service (<c>reception-unit-registered</c>). MassTransit names a
/// generic consumer after its last type argument (<c>UnitRegisteredConsumer&lt;ReceptionDbContext&gt;</c> would
/// be <c>reception-reception-db-context</c>); here it is named after its own type like any other consumer,
/// so a consumer shared from ServiceDefaults gets the same queue a service's own one would.
/// </summary>
public sealed class ServiceEndpointNameFormatter(string prefix)
    : KebabCaseEndpointNameFormatter(prefix, includeNamespace: false), IEndpointNameFormatter
{
    private const string ConsumerSuffix = "Consumer";

    private readonly string _prefix = prefix;

    // Re-implements the interface's member only; everything else is the kebab-case formatter's.
    string IEndpointNameFormatter.Consumer<T>()
    {
        var type = typeof(T);
        if (!type.IsGenericType)
        {
            return Consumer<T>();
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        if (name.EndsWith(ConsumerSuffix, StringComparison.Ordinal))
        {
            name = name[..^ConsumerSuffix.Length];
        }
        return SanitizeName(_prefix + name);
    }
}
