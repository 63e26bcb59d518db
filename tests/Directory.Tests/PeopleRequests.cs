using System.Net;
using System.Text.Json;
using Npgsql;

namespace PropertyPlatform.Directory.Tests;

/// <summary>Requests and checks the occupant, occupancy, staff and import tests share.</summary>
internal static class PeopleRequests
{
    public const string ValidIdCard = "110101199003071233";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Today at the property (UTC+8), as the service reckons move-in and move-out days.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>A property with building A座 and unit 1201.</summary>
    public static async Task<(Guid PropertyId, Guid BuildingId, Guid UnitId)> RegisterPlaceAsync(this DirectoryApp app)
    {
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var buildingId = (await app.RegisterBuildingAsync(propertyId)).GetProperty("id").GetGuid();
        var unitId = (await app.RegisterUnitAsync(buildingId)).GetProperty("id").GetGuid();
        return (propertyId, buildingId, unitId);
    }

    public static Task<JsonElement> RegisterPersonAsync(
        this DirectoryApp app, Guid propertyId, string name = "李雷", string phone = "13800138000", Guid? companyId = null,
        string? idNumber = null) =>
        app.CreatedAsync("/occupants", new
        {
            propertyId, kind = "person", name, phone, email = (string?)null,
            idType = idNumber is null ? null : "resident_id_card", idNumber, companyId,
        });

    public static Task<JsonElement> RegisterCompanyAsync(this DirectoryApp app, Guid propertyId, string name = "华夏科技有限公司") =>
        app.CreatedAsync("/occupants", new { propertyId, kind = "company", name, phone = "010-12345678", email = "office@huaxia.example.com" });

    public static Task<JsonElement> MoveInAsync(this DirectoryApp app, Guid unitId, Guid occupantId, string role, DateOnly startDate) =>
        app.CreatedAsync("/occupancies", new { unitId, occupantId, role, startDate });

    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Cancellation));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    /// <summary>The messages of a field in a 400 problem.</summary>
    public static IReadOnlyList<string> FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToList()
            : [];

    public static async Task<string?> ScalarTextAsync(this DirectoryApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync(Cancellation))?.ToString();
    }

    public static IEnumerable<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray();
}
