using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Complaints.Tests;

/// <summary>The complaint's rule for photos: at most six, recognised formats only, all or none, open complaints only.</summary>
public sealed class ComplaintPhotoRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Actor Clerk = new(Guid.NewGuid(), "前台李静");

    private static Complaint Received() => Complaint.Receive(
        Guid.NewGuid(), null, DailyNumber.For(Complaint.NumberPrefix, new DateOnly(2026, 11, 22), 1),
        new ComplaintIntake(ComplaintChannel.Phone, ComplaintCategory.Cleaning, ComplaintTier.General, "大堂地面不清洁", false, "王女士", null, "大堂"),
        Clerk, true, Now, PropertyCalendar.ChinaStandardTime);

    [Fact]
    public void Photos_are_numbered_in_the_order_added_and_noted_in_the_timeline()
    {
        var complaint = Received();

        var photos = complaint.AddPhotos([new PhotoFile(TestImages.Png, "大堂.png"), new PhotoFile(TestImages.Jpeg)], Clerk, Now.AddMinutes(5));

        photos.Select(p => p.Sequence).ShouldBe([1, 2]);
        photos[0].ContentType.ShouldBe(PhotoFormat.Png);
        photos[0].FileName.ShouldBe("大堂.png");
        photos[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(TestImages.Png)));
        photos.ShouldAllBe(p => p.ComplaintId == complaint.Id && p.UploadedById == Clerk.PersonId);
        complaint.PhotoCount.ShouldBe(2);
        complaint.Timeline.Last().Note.ShouldBe("添加照片 2 张");
    }

    [Fact]
    public void A_complaint_keeps_at_most_six_photos()
    {
        var complaint = Received();
        complaint.AddPhotos(Photos(4), Clerk, Now);

        Should.Throw<DomainRuleException>(() => complaint.AddPhotos(Photos(3), Clerk, Now)).Message.ShouldContain("2 more");

        complaint.PhotoCount.ShouldBe(4);
        complaint.AddPhotos(Photos(2), Clerk, Now).Select(p => p.Sequence).ShouldBe([5, 6]);
    }

    [Fact]
    public void One_file_that_is_not_a_photo_refuses_them_all()
    {
        var complaint = Received();
        var lines = complaint.Timeline.Count;

        Should.Throw<DomainRuleException>(() => complaint.AddPhotos([new PhotoFile(TestImages.Jpeg), new PhotoFile(TestImages.Gif)], Clerk, Now));
        Should.Throw<DomainRuleException>(() => complaint.AddPhotos([new PhotoFile(TestImages.JpegOfSize(PhotoFile.MaxBytes + 1))], Clerk, Now));
        Should.Throw<DomainRuleException>(() => complaint.AddPhotos([], Clerk, Now));

        complaint.PhotoCount.ShouldBe(0);
        complaint.Timeline.Count.ShouldBe(lines);
    }

    [Fact]
    public void A_closed_complaint_takes_no_more_photos()
    {
        var complaint = Received();
        complaint.Close("诉求已撤回", true, new Actor(Guid.NewGuid(), "客服经理陈红"), Now.AddHours(1));

        Should.Throw<DomainRuleException>(() => complaint.AddPhotos(Photos(1), Clerk, Now.AddHours(2))).Message.ShouldContain("closed");
        complaint.PhotoCount.ShouldBe(0);
    }

    private static List<PhotoFile> Photos(int count) => Enumerable.Range(0, count).Select(_ => new PhotoFile(TestImages.Jpeg)).ToList();
}

/// <summary>Photos of complaints over HTTP on real PostgreSQL: who adds and sees them, what is refused with nothing stored.</summary>
public sealed class ComplaintPhotosApiTests(ComplaintsScene scene) : IClassFixture<ComplaintsScene>
{
    private ComplaintsApp App => scene.App;

    [Fact]
    public async Task An_occupants_photo_at_intake_is_seen_by_the_desk_byte_for_byte_and_by_nobody_outside_the_complaint()
    {
        var occupant = App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1201.UnitId);
        var id = await CreatedAsync(occupant, JsonSerializer.Serialize(new
        {
            propertyId = scene.PropertyA, unitId = scene.A1201.UnitId, channel = "occupant_app", category = "noise", description = "楼上深夜装修",
        }));

        var uploaded = await UploadAsync(occupant, id, (TestImages.Png, "噪音.png", "image/png"));

        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync(Cancel));
        uploaded.Headers.ETag.ShouldNotBeNull();
        var complaint = await uploaded.ReadJsonAsync();
        complaint.GetProperty("photoCount").GetInt32().ShouldBe(1);
        complaint.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("添加照片 1 张");

        var desk = App.ClientAs(Roles.FrontDesk, scene.PropertyA);
        var photo = (await desk.GetFromJsonAsync<JsonElement>($"/complaints/{id}/photos", Cancel)).EnumerateArray().ShouldHaveSingleItem();
        photo.GetProperty("contentType").GetString().ShouldBe("image/png");
        photo.GetProperty("fileName").GetString().ShouldBe("噪音.png");
        photo.TryGetProperty("content", out _).ShouldBeFalse();
        var url = photo.GetProperty("url").GetString()!;
        url.ShouldBe($"/complaints/{id}/photos/{photo.GetProperty("id").GetGuid()}");
        var served = await desk.GetAsync(url, Cancel);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await served.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(TestImages.Png);
        served.Headers.ETag!.Tag.ShouldBe($"\"{Convert.ToHexStringLower(SHA256.HashData(TestImages.Png))}\"");
        served.Headers.CacheControl!.Private.ShouldBeTrue();

        // The neighbour and the other property's staff get the answer of an unknown complaint; other roles 403.
        foreach (var stranger in new[] { App.ClientAsOccupant(Guid.NewGuid(), scene.PropertyA, scene.A1202.UnitId), App.ClientAs(Roles.Manager, scene.PropertyB) })
        {
            await (await stranger.GetAsync($"/complaints/{id}/photos", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync(url, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await UploadAsync(stranger, id, Jpeg())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        await (await App.ClientAs(Roles.Security, scene.PropertyA).GetAsync($"/complaints/{id}/photos", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(App.ClientAs(Roles.Engineer, scene.PropertyA), id, Jpeg())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await StoredPhotosAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Photos_an_anonymous_complainant_added_do_not_name_them_to_the_desk()
    {
        var personId = Guid.NewGuid();
        var occupant = App.ClientAsOccupant(personId, scene.PropertyA, scene.A1201.UnitId);
        var id = await CreatedAsync(occupant, JsonSerializer.Serialize(new
        {
            propertyId = scene.PropertyA, anonymous = true, channel = "occupant_app", category = "cleaning", description = "大堂地面长期不清洁",
        }));
        (await UploadAsync(occupant, id, Jpeg())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var atDesk = (await App.ClientAs(Roles.FrontDesk, scene.PropertyA).GetFromJsonAsync<JsonElement>($"/complaints/{id}/photos", Cancel))[0];
        var manager = (await App.ClientAs(Roles.Manager, scene.PropertyA).GetFromJsonAsync<JsonElement>($"/complaints/{id}/photos", Cancel))[0];
        var own = (await occupant.GetFromJsonAsync<JsonElement>($"/complaints/{id}/photos", Cancel))[0];

        atDesk.GetProperty("uploadedBy").ValueKind.ShouldBe(JsonValueKind.Null);
        manager.GetProperty("uploadedBy").GetProperty("personId").GetGuid().ShouldBe(personId);
        own.GetProperty("uploadedBy").GetProperty("personId").GetGuid().ShouldBe(personId);
    }

    [Fact]
    public async Task Refused_uploads_store_nothing()
    {
        var desk = App.ClientAs(Roles.FrontDesk, scene.PropertyA);
        var id = await CreatedAsync(desk, DeskComplaint());

        await (await UploadAsync(desk, id, Jpeg(), (TestImages.Gif, "a.gif", "image/gif"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(desk, id, (TestImages.Text, "photo.jpg", "image/jpeg"))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(desk, id, (TestImages.JpegOfSize(PhotoFile.MaxBytes + 1), "big.jpg", "image/jpeg"))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await desk.PostAsync($"/complaints/{id}/photos", new MultipartFormDataContent { { new StringContent("x"), "note" } }, Cancel)).ShouldHaveFieldErrorAsync("files");
        await (await desk.PostAsync($"/complaints/{id}/photos", new ByteArrayContent(TestImages.Jpeg)
        {
            Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") },
        }, Cancel)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await StoredPhotosAsync(id)).ShouldBe(0);

        (await UploadAsync(desk, id, Jpeg(), Jpeg(), Jpeg(), Jpeg(), Jpeg())).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await UploadAsync(desk, id, Jpeg(), Jpeg())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await StoredPhotosAsync(id)).ShouldBe(5);

        var stale = Photos(Jpeg());
        var request = new HttpRequestMessage(HttpMethod.Post, $"/complaints/{id}/photos") { Content = stale };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await (await desk.SendAsync(request, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await StoredPhotosAsync(id)).ShouldBe(5);
    }

    private string DeskComplaint() => JsonSerializer.Serialize(new
    {
        propertyId = scene.PropertyA, location = "B1 车库入口", complainantName = "李先生", channel = "phone", category = "parking", description = "车位被占",
    });

    private static async Task<Guid> CreatedAsync(HttpClient client, string body)
    {
        var response = await client.PostJsonAsync("/complaints", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private Task<long> StoredPhotosAsync(Guid id) => App.ScalarAsync<long>($"SELECT count(*) FROM complaint_photos WHERE complaint_id = '{id}'");

    private static (byte[] Bytes, string Name, string? Type) Jpeg() => (TestImages.Jpeg, "photo.jpg", "image/jpeg");

    private static MultipartFormDataContent Photos(params (byte[] Bytes, string Name, string? Type)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name, type) in files)
        {
            var content = new ByteArrayContent(bytes);
            if (type is not null)
            {
                content.Headers.ContentType = new MediaTypeHeaderValue(type);
            }
            form.Add(content, "files", name);
        }
        return form;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, params (byte[] Bytes, string Name, string? Type)[] files) =>
        client.PostAsync($"/complaints/{id}/photos", Photos(files), Cancel);
}
