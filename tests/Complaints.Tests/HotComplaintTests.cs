using System.Net;
using System.Text.Json;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>Similar complaints (same category, same place, within the window) proposed as hot (热点投诉) and linked together.</summary>
public sealed class HotComplaintTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task The_third_noise_complaint_in_a_building_within_a_week_proposes_all_three_as_hot_and_links_them()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var building = Guid.NewGuid();
        var units = new List<Guid>();
        foreach (var number in new[] { "1201", "1202", "1203" })
        {
            var unit = new UnitRegistered(Guid.NewGuid(), DateTimeOffset.UtcNow, property, building, Guid.NewGuid(), "A座", number, 12, UnitType.Residence, 90m);
            await app.PublishAsync(unit);
            await app.WaitForUnitAsync(unit.UnitId);
            units.Add(unit.UnitId);
        }
        var other = await app.RegisterUnitAsync("0801", property); // another building
        await app.WaitForUnitAsync(other.UnitId);
        var desk = app.ClientAs(Roles.FrontDesk, property);

        var first = await Create(desk, property, units[0], "noise");
        await Create(desk, property, other.UnitId, "noise");
        await Create(desk, property, units[1], "cleaning");
        app.Time.Advance(TimeSpan.FromDays(2));
        desk = app.ClientAs(Roles.FrontDesk, property);
        var second = await Create(desk, property, units[1], "noise");
        (await Get(desk, second)).GetProperty("hotProposed").GetBoolean().ShouldBeFalse();
        var third = await Create(desk, property, units[2], "noise");

        var proposed = await desk.GetFromJsonAsync<JsonElement>($"/complaints?propertyId={property}&hotProposed=true", Cancel);
        proposed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([third, second, first], ignoreOrder: true);
        var group = (await Get(desk, first)).GetProperty("similarGroupId").GetGuid();
        (await Get(desk, third)).GetProperty("similarGroupId").GetGuid().ShouldBe(group);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ComplaintsProposedAsHot,%'")).ShouldBe(1);

        // A supervisor confirms one as hot: it is no longer a proposal.
        var confirmed = await (await app.ClientAs(Roles.Supervisor, property).PostJsonAsync($"/complaints/{third}/tier", "{\"tier\":\"hot\",\"reason\":\"同楼多户反映\"}"))
            .ReadJsonAsync();
        confirmed.GetProperty("tier").GetString().ShouldBe("hot");
        confirmed.GetProperty("hotProposed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Complaints_about_a_place_outside_the_units_count_by_their_location_and_old_ones_do_not_count()
    {
        await using var app = await ComplaintsTestApp.StartAsync(infrastructure);
        var unit = await app.RegisterUnitAsync();
        await app.WaitForUnitAsync(unit.UnitId);
        var property = unit.PropertyId;

        await CreateAt(app, property, "B1 车库入口");
        app.Time.Advance(TimeSpan.FromDays(8)); // the first falls out of the week
        await CreateAt(app, property, "b1 车库入口 ");
        var id = await CreateAt(app, property, "B1 车库入口");
        (await Get(app.ClientAs(Roles.FrontDesk, property), id)).GetProperty("hotProposed").GetBoolean().ShouldBeFalse();

        var last = await CreateAt(app, property, "B1 车库入口");
        (await Get(app.ClientAs(Roles.FrontDesk, property), last)).GetProperty("hotProposed").GetBoolean().ShouldBeTrue();
    }

    // The rules, pair by pair

    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static Complaint NewComplaint(ComplaintTier tier = ComplaintTier.General) => Complaint.Receive(
        Guid.NewGuid(), null, DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), 1),
        new ComplaintIntake(ComplaintChannel.Phone, ComplaintCategory.Noise, tier, "噪音", ComplainantName: "王女士", Location: "B1"),
        new Actor(Guid.NewGuid(), "前台李静"), true, Now, PropertyCalendar.ChinaStandardTime);

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void The_default_rule_proposes_three_similar_complaints(int similar, bool hot) =>
        HotComplaintRule.Default.Reached(similar).ShouldBe(hot);

    [Fact]
    public void A_proposed_complaint_is_linked_and_noted_once()
    {
        var complaint = NewComplaint();
        var group = Guid.NewGuid();

        complaint.ProposeHot(group, Now).ShouldBeTrue();
        complaint.ProposeHot(group, Now).ShouldBeFalse();

        complaint.HotProposed.ShouldBeTrue();
        complaint.SimilarGroupId.ShouldBe(group);
        complaint.Timeline.Count(e => e.ActorId == Guid.Empty).ShouldBe(1);
    }

    [Fact]
    public void A_complaint_already_hot_is_linked_but_not_proposed()
    {
        var complaint = NewComplaint(ComplaintTier.Hot);

        complaint.ProposeHot(Guid.NewGuid(), Now);

        complaint.HotProposed.ShouldBeFalse();
        complaint.SimilarGroupId.ShouldNotBeNull();
    }

    private static async Task<Guid> Create(HttpClient desk, Guid property, Guid unitId, string category)
    {
        var response = await desk.PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = property, unitId, complainantName = "王女士", channel = "phone", category, description = "夜间噪音",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> CreateAt(ComplaintsApp app, Guid property, string location)
    {
        var response = await app.ClientAs(Roles.FrontDesk, property).PostJsonAsync("/complaints", JsonSerializer.Serialize(new
        {
            propertyId = property, anonymous = true, location, channel = "letter", category = "parking", description = "车库入口被占用",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Get(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/complaints/{id}", Cancel);
}
