using PropertyPlatform.ServiceDefaults.Auth;
using Xunit;

namespace PropertyPlatform.TestSupport;

/// <summary>The cases of an authorization matrix test: every endpoint group with every role.</summary>
public static class AccessMatrix
{
    /// <summary>(endpoint, role) for each of <paramref name="endpoints"/> and each of <paramref name="roles"/> (default: every role).</summary>
    public static TheoryData<string, string> EveryRoleAt(IEnumerable<string> endpoints, IEnumerable<string>? roles = null)
    {
        var cases = new TheoryData<string, string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var role in roles ?? Roles.All)
            {
                cases.Add(endpoint, role);
            }
        }
        return cases;
    }
}
