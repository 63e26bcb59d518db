using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>
/// Property A with units 1201 (the occupant's) and 1202 (a neighbour's, another occupant), property B with 0301,
/// and an engineer at A to dispatch to. One service for the class: each test takes orders of its own.
/// </summary>
public sealed class OccupantsWithOrders(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public WorkOrdersApp App { get; private set; } = null!;

    public Guid PropertyA { get; } = Guid.NewGuid();

    public Guid PropertyB { get; } = Guid.NewGuid();

    public Guid Occupant { get; } = Guid.NewGuid();

    public Guid Neighbour { get; } = Guid.NewGuid();

    public Guid EngineerId { get; } = Guid.NewGuid();

    public Guid Unit1201 { get; private set; }

    public Guid Unit1202 { get; private set; }

    public Guid Unit0301 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await WorkOrdersApp.StartAsync(infrastructure);
        Unit1201 = (await App.RegisterUnitAsync("1201", PropertyA)).UnitId;
        Unit1202 = (await App.RegisterUnitAsync("1202", PropertyA)).UnitId;
        Unit0301 = (await App.RegisterUnitAsync("0301", PropertyB)).UnitId;
        await App.PublishAsync(new StaffChanged(
            Guid.NewGuid(), DateTimeOffset.UtcNow, PropertyA, EngineerId, true, "李工", "13800000000", Department.Engineering,
            [StaffRole.Engineer], [PropertyA]));
        foreach (var unit in new[] { Unit1201, Unit1202, Unit0301 })
        {
            await App.WaitForUnitAsync(unit);
        }
        await Eventually.ReturnsAsync(
            () => App.ScalarAsync<long>($"SELECT count(*) FROM engineers WHERE person_id = '{EngineerId}'"), c => c == 1, WorkOrdersApp.Patience);
    }

    /// <summary>The occupant of 1201.</summary>
    public HttpClient OccupantClient() => App.ClientAsOccupant(Occupant, PropertyA, Unit1201);

    /// <summary>The occupant of 1202, same property: they must not learn anything of 1201's orders.</summary>
    public HttpClient NeighbourClient() => App.ClientAsOccupant(Neighbour, PropertyA, Unit1202);

    public HttpClient StaffClient(string role) => App.ClientAs(role, PropertyA);

    public HttpClient EngineerClient() =>
        App.ClientAs(new AccessTokenContent(EngineerId, "李工", [Roles.Engineer], false, [PropertyA], []));

    /// <summary>An order for 1201, taken by <paramref name="client"/> (the occupant's own app by default).</summary>
    public async Task<Guid> SubmitAsync(HttpClient? client = null, Guid? unitId = null)
    {
        var response = await (client ?? OccupantClient()).PostJsonAsync("/work-orders", TwoPropertiesWithOrders.Order(unitId ?? Unit1201));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Runs an action and expects it to succeed; answers the order as it is after.</summary>
    public static async Task<JsonElement> ActAsync(HttpClient client, Guid orderId, string action, string body = "{}")
    {
        var response = await client.PostJsonAsync($"/work-orders/{orderId}/{action}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Takes an order through dispatch, acceptance and work to completion, as staff do.</summary>
    public async Task CompleteAsync(Guid orderId)
    {
        await ActAsync(StaffClient(Roles.FrontDesk), orderId, "dispatch", JsonSerializer.Serialize(new { assigneeId = EngineerId }));
        await ActAsync(EngineerClient(), orderId, "accept");
        await ActAsync(EngineerClient(), orderId, "start");
        await ActAsync(EngineerClient(), orderId, "complete", """{"summary":"更换阀门","labourMinutes":30}""");
    }

    public static MultipartFormDataContent Photos(params (byte[] Bytes, string FileName, string? ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, fileName, contentType) in files)
        {
            var part = new ByteArrayContent(bytes);
            if (contentType is not null)
            {
                part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }
            form.Add(part, "files", fileName);
        }
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid orderId, params (byte[] Bytes, string FileName, string? ContentType)[] files) =>
        client.PostAsync($"/work-orders/{orderId}/photos", Photos(files), Cancel);

    public static (byte[], string, string?) Jpeg(string name = "漏水.jpg") => (TestImages.Jpeg, name, "image/jpeg");

    public async Task<long> StoredPhotosAsync(Guid orderId) =>
        await App.ScalarAsync<long>($"SELECT count(*) FROM work_order_photos WHERE work_order_id = '{orderId}'");

    public async Task<int> PhotoCountAsync(Guid orderId) =>
        await App.ScalarAsync<int>($"SELECT photo_count FROM work_orders WHERE id = '{orderId}'");

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
