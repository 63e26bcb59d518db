using System.Net;
using System.Text.Json;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>Follow-up visits (回访): the rules in the entity.</summary>
public sealed class VisitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid PropertyId = Guid.NewGuid();
    private static readonly Actor Clerk = new(Guid.NewGuid(), "客服专员李娜");
    private static readonly UnitCopy Unit = UnitCopy.From(new UnitRegistered(Guid.NewGuid(), Now, PropertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Residence, 98.5m));

    [Fact]
    public void A_visit_keeps_each_piece_of_feedback_open_until_it_is_handled()
    {
        var visit = FollowUpVisit.Record(PropertyId, Unit, null, VisitMethod.InPerson, 3, " 总体满意 ", [" 电梯按钮失灵 ", "垃圾清运不及时"], Clerk, Now);

        visit.OpenItems.ShouldBe(2);
        visit.Items.Select(i => i.Text).ShouldBe(["电梯按钮失灵", "垃圾清运不及时"]);
        visit.PendingEvents.OfType<FollowUpVisitRecorded>().ShouldHaveSingleItem().FeedbackItems.ShouldBe(2);

        visit.HandleItem(visit.Items[0].Id, "已报工程部更换按钮", Clerk, Now.AddHours(2));

        visit.OpenItems.ShouldBe(1);
        visit.Items[0].Resolution.ShouldBe("已报工程部更换按钮");
        visit.Items[0].HandledByName.ShouldBe("客服专员李娜");
        visit.PendingEvents.OfType<VisitFeedbackHandled>().ShouldHaveSingleItem().ItemId.ShouldBe(visit.Items[0].Id);
    }

    [Fact]
    public void An_item_is_handled_once()
    {
        var visit = FollowUpVisit.Record(PropertyId, Unit, null, VisitMethod.Phone, 4, null, ["门禁卡失效"], Clerk, Now);
        visit.HandleItem(visit.Items[0].Id, "已补卡", Clerk, Now.AddHours(1));

        Should.Throw<DomainRuleException>(() => visit.HandleItem(visit.Items[0].Id, "再次处理", Clerk, Now.AddHours(2))).Message.ShouldContain("already");
        visit.Items[0].Resolution.ShouldBe("已补卡");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Satisfaction_is_from_one_to_five(int satisfaction) =>
        Should.Throw<DomainRuleException>(() => FollowUpVisit.Record(PropertyId, Unit, null, VisitMethod.Phone, satisfaction, null, [], Clerk, Now));

    [Fact]
    public void A_visit_names_a_unit_or_an_area() =>
        Should.Throw<DomainRuleException>(() => FollowUpVisit.Record(PropertyId, null, " ", VisitMethod.InPerson, 5, null, [], Clerk, Now));
}

/// <summary><c>/visits</c> over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class VisitApiTests(ComplaintsScene scene) : IClassFixture<ComplaintsScene>
{
    private ComplaintsApp App => scene.App;

    [Fact]
    public async Task A_visit_is_recorded_and_its_feedback_listed_as_open_until_handled()
    {
        var clerk = App.ClientAs(Roles.FrontDesk, scene.PropertyA);
        var created = await clerk.PostJsonAsync("/visits", JsonSerializer.Serialize(new
        {
            propertyId = scene.PropertyA, unitId = scene.A1202.UnitId, method = "in_person", satisfaction = 3, feedbackItems = new[] { "楼道灯不亮", "希望增加快递柜" },
        }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var visit = await created.ReadJsonAsync();
        var id = visit.GetProperty("id").GetGuid();
        var item = visit.GetProperty("feedbackItems")[0].GetProperty("id").GetGuid();
        visit.GetProperty("openItems").GetInt32().ShouldBe(2);

        var open = await clerk.GetFromJsonAsync<JsonElement>($"/visits?propertyId={scene.PropertyA}&openItems=true", Cancel);
        open.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ShouldContain(id);

        var handled = await clerk.PostJsonAsync($"/visits/{id}/items/{item}/handle", JsonSerializer.Serialize(new { resolution = "已更换灯泡" }));
        handled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await handled.ReadJsonAsync();
        after.GetProperty("openItems").GetInt32().ShouldBe(1);
        after.GetProperty("feedbackItems")[0].GetProperty("handled").GetProperty("resolution").GetString().ShouldBe("已更换灯泡");

        // Twice is refused and changes nothing.
        await (await clerk.PostJsonAsync($"/visits/{id}/items/{item}/handle", JsonSerializer.Serialize(new { resolution = "又处理" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var read = await clerk.GetFromJsonAsync<JsonElement>($"/visits/{id}", Cancel);
        read.GetProperty("feedbackItems")[0].GetProperty("handled").GetProperty("resolution").GetString().ShouldBe("已更换灯泡");
    }

    [Fact]
    public async Task Bad_input_another_property_and_other_roles_are_refused()
    {
        var clerk = App.ClientAs(Roles.FrontDesk, scene.PropertyA);
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM follow_up_visits");

        await (await clerk.PostJsonAsync("/visits", JsonSerializer.Serialize(new { propertyId = scene.PropertyA, unitId = scene.A1201.UnitId, method = "phone", satisfaction = 9 })))
            .ShouldHaveFieldErrorAsync("satisfaction");
        await (await clerk.PostJsonAsync("/visits", JsonSerializer.Serialize(new { propertyId = scene.PropertyB, unitId = scene.B0801.UnitId, method = "phone", satisfaction = 4 })))
            .ShouldHaveFieldErrorAsync("unitId");
        (await App.ClientAs(Roles.Engineer, scene.PropertyA).PostJsonAsync("/visits", JsonSerializer.Serialize(new { propertyId = scene.PropertyA, area = "车库", method = "phone", satisfaction = 4 })))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await App.ScalarAsync<long>("SELECT count(*) FROM follow_up_visits")).ShouldBe(before);
    }
}
