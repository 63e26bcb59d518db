using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using PropertyPlatform.WorkOrders.Infrastructure;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>
/// Drives orders through the API at chosen times of the app's clock, for tests of lists, the board and statistics.
/// The deadline sweeper runs only when the test asks (<see cref="SweepAsync"/>): a background sweep could otherwise
/// change an order between two steps of a test.
/// </summary>
public sealed class WorkOrderDriver(WorkOrdersApp app)
{
    public WorkOrdersApp App { get; } = app;

    public static Task<WorkOrdersApp> StartAsync(TestInfrastructure infrastructure) =>
        WorkOrdersApp.StartAsync(infrastructure, configureServices: (services, _) =>
        {
            // The sweeper is registered as a hosted service through a factory that hands out the DeadlineSweeper singleton.
            var sweeper = services.Single(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationFactory?.Method.ReturnType == typeof(DeadlineSweeper));
            services.Remove(sweeper);
        });

    /// <summary>Sets the app's clock to <paramref name="instant"/> (it runs on from there).</summary>
    public void At(DateTimeOffset instant) => App.Time.Advance(instant - App.Time.GetUtcNow());

    public DateTimeOffset Now => App.Time.GetUtcNow();

    /// <summary>A fresh token each time: tokens are issued at the app's clock and last 15 minutes.</summary>
    public HttpClient As(string role, Guid propertyId) => App.ClientAs(role, propertyId);

    public HttpClient AsEngineer(Guid engineerId, Guid propertyId) =>
        App.ClientAs(new AccessTokenContent(engineerId, "李工", [Roles.Engineer], false, [propertyId], []));

    public async Task<(Guid UnitId, Guid BuildingId)> UnitAsync(string number, Guid propertyId)
    {
        var unit = await App.RegisterUnitAsync(number, propertyId);
        await App.WaitForUnitAsync(unit.UnitId);
        return (unit.UnitId, unit.BuildingId);
    }

    /// <summary>An engineer the front desk may dispatch to, as Directory announces them.</summary>
    public async Task<Guid> EngineerAsync(Guid propertyId, string name = "李工")
    {
        var id = Guid.NewGuid();
        await App.PublishAsync(new StaffChanged(
            Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId, id, true, name, "13900139000", Department.Engineering, [StaffRole.Engineer], [propertyId]));
        await Eventually.ReturnsAsync(
            () => App.ScalarAsync<long>($"SELECT count(*) FROM engineers WHERE person_id = '{id}'"), c => c == 1, WorkOrdersApp.Patience);
        return id;
    }

    public async Task<Guid> SubmitAsync(
        Guid propertyId, Guid unitId, string category = "plumbing", string priority = "normal", string description = "厨房水龙头滴水",
        string? location = null)
    {
        var response = await As(Roles.FrontDesk, propertyId).PostAsJsonAsync(
            "/work-orders", new { unitId, category, priority, channel = "phone", description, location }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    public Task DispatchAsync(Guid propertyId, Guid orderId, Guid engineerId) =>
        ActAsync(As(Roles.FrontDesk, propertyId), orderId, "dispatch", new { assigneeId = engineerId });

    public async Task AcceptAndStartAsync(Guid propertyId, Guid orderId, Guid engineerId)
    {
        await ActAsync(AsEngineer(engineerId, propertyId), orderId, "accept");
        await ActAsync(AsEngineer(engineerId, propertyId), orderId, "start");
    }

    public Task HoldAsync(Guid propertyId, Guid orderId, Guid engineerId, DateTimeOffset resumeAt) =>
        ActAsync(AsEngineer(engineerId, propertyId), orderId, "hold", new { reason = "等配件", resumeAt });

    public Task ResumeAsync(Guid propertyId, Guid orderId, Guid engineerId) => ActAsync(AsEngineer(engineerId, propertyId), orderId, "resume");

    public Task CompleteAsync(Guid propertyId, Guid orderId, Guid engineerId) =>
        ActAsync(AsEngineer(engineerId, propertyId), orderId, "complete", new { summary = "已修好", labourMinutes = 30 });

    public Task FollowUpAsync(Guid propertyId, Guid orderId, int satisfaction) =>
        ActAsync(As(Roles.FrontDesk, propertyId), orderId, "follow-up", new { satisfaction, resolved = true });

    public Task CancelAsync(Guid propertyId, Guid orderId) =>
        ActAsync(As(Roles.FrontDesk, propertyId), orderId, "cancel", new { reason = "业主自行处理" });

    public async Task ActAsync(HttpClient client, Guid orderId, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/work-orders/{orderId}/{action}", body ?? new { }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    /// <summary>Lets the deadline sweeper flag and escalate every order due at the app's clock.</summary>
    public async Task SweepAsync()
    {
        var sweeper = App.Services.GetRequiredService<DeadlineSweeper>();
        while (await sweeper.SweepAsync(Cancel) > 0)
        {
        }
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await response.ReadJsonAsync();
    }
}
