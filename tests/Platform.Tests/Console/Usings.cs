global using static PropertyPlatform.WebConsole.Tests.TestCancellation;

namespace PropertyPlatform.WebConsole.Tests;

internal static class TestCancellation
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
