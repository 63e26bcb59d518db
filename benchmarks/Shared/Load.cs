using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PropertyPlatform.Benchmarks;

/// <summary>What the load runs share: their command line, signing in through the gateway, the demo unit, percentiles.</summary>
public static class Load
{
    public const string DemoPassword = "Demo@12345";

    /// <summary>`--name value` pairs; a flag without a value maps to "".</summary>
    public static Dictionary<string, string> Options(string[] args) =>
        args.Select((value, index) => (value, index)).Where(a => a.value.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(a => a.value[2..], a => a.index + 1 < args.Length && !args[a.index + 1].StartsWith("--", StringComparison.Ordinal) ? args[a.index + 1] : "");

    /// <summary>The access token of a demo account; the accounts appear a moment after Directory reports healthy.</summary>
    public static async Task<string> SignInAsync(HttpClient http, string userName)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await http.PostAsJsonAsync("/api/directory/auth/token", new { userName, password = DemoPassword });
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            }
            if (attempt == 60)
            {
                throw new InvalidOperationException($"Signing in as {userName} failed: {await response.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(1000);
        }
    }

    /// <summary>The first demo unit, and an order the probe created on it once WorkOrders knows the unit.</summary>
    public static async Task<(Guid UnitId, Guid OrderId)> FirstUnitAsync(HttpClient http)
    {
        var units = await http.GetFromJsonAsync<JsonElement>("/api/directory/units?pageSize=1");
        var unitId = units.GetProperty("items")[0].GetProperty("id").GetGuid();
        // WorkOrders learns of units from Directory: until it knows this one, intake answers 400 and stores nothing.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var probe = await http.PostAsync("/api/workorders/work-orders", JsonContent.Create(new
            {
                unitId, category = "plumbing", priority = "normal", channel = "phone", description = "预热",
            }));
            if (probe.StatusCode == HttpStatusCode.Created)
            {
                return (unitId, (await probe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            }
            await Task.Delay(1000);
        }
        throw new InvalidOperationException("WorkOrders never learned of the demo units.");
    }

    /// <summary>The value below which <paramref name="share"/> of the sorted values lie (nearest rank).</summary>
    public static double Percentile(List<double> sorted, double share) =>
        sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1))];

    public static string Summary(List<double> sorted) =>
        $"p50 {Percentile(sorted, 0.50):0.0} ms, p90 {Percentile(sorted, 0.90):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms";
}
