using System.Text.Json;

namespace PropertyPlatform.Gateway.Tests;

internal static class TestHelpers
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Asserts an RFC 9457 problem response with the given status and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, int status)
    {
        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static Task<EchoResponse?> ReadEchoAsync(this HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<EchoResponse>(Cancel);

    /// <summary>Polls until the condition holds or the time is up; the caller asserts the outcome.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(200, Cancel);
        }
        return await condition();
    }
}
