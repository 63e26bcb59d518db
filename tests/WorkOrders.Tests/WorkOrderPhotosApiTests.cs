using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using PropertyPlatform.WorkOrders.Domain;
using static PropertyPlatform.TestSupport.Http;
using static PropertyPlatform.WorkOrders.Tests.OccupantsWithOrders;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>Photos over HTTP on real PostgreSQL: what is accepted, what is refused with nothing stored, and what is served back.</summary>
public sealed class WorkOrderPhotosApiTests(OccupantsWithOrders world) : IClassFixture<OccupantsWithOrders>
{
    public static TheoryData<string, string> AcceptedFormats() => new()
    {
        { "jpeg", "image/jpeg" },
        { "png", "image/png" },
        { "webp", "image/webp" },
    };

    [Theory]
    [MemberData(nameof(AcceptedFormats))]
    public async Task Each_accepted_format_is_stored_and_served_back_byte_for_byte(string format, string contentType)
    {
        var bytes = format switch { "jpeg" => TestImages.Jpeg, "png" => TestImages.Png, _ => TestImages.WebP };
        var order = await world.SubmitAsync();
        var occupant = world.OccupantClient();

        var response = await UploadAsync(occupant, order, (bytes, $"photo.{format}", contentType));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        var photo = (await response.ReadJsonAsync()).GetProperty("photos").EnumerateArray().ShouldHaveSingleItem();
        photo.GetProperty("contentType").GetString().ShouldBe(contentType);
        photo.GetProperty("size").GetInt32().ShouldBe(bytes.Length);
        photo.GetProperty("stage").GetString().ShouldBe("intake");
        var url = photo.GetProperty("url").GetString()!;
        url.ShouldBe($"/work-orders/{order}/photos/{photo.GetProperty("id").GetGuid()}");

        foreach (var reader in new[] { occupant, world.StaffClient(Roles.FrontDesk), world.StaffClient(Roles.Engineer) })
        {
            var served = await reader.GetAsync(url, Cancel);
            served.StatusCode.ShouldBe(HttpStatusCode.OK);
            served.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
            (await served.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(bytes);
            served.Headers.ETag!.Tag.ShouldBe($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"");
            served.Headers.CacheControl!.Private.ShouldBeTrue();
            served.Headers.CacheControl.Public.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task A_photo_read_before_is_not_sent_again()
    {
        var order = await world.SubmitAsync();
        var url = (await (await UploadAsync(world.OccupantClient(), order, Jpeg())).ReadJsonAsync()).GetProperty("photos")[0].GetProperty("url").GetString();
        var first = await world.OccupantClient().GetAsync(url, Cancel);

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var response = await world.OccupantClient().SendAsync(again, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Several_photos_go_in_one_request_and_are_listed_without_their_bytes()
    {
        var order = await world.SubmitAsync(world.StaffClient(Roles.FrontDesk));
        var form = Photos(Jpeg("before-1.jpg"), (TestImages.Png, "before-2.png", "image/png"));
        form.Add(new StringContent("work"), "stage");

        var response = await world.StaffClient(Roles.Engineer).PostAsync($"/work-orders/{order}/photos", form, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        response.Headers.ETag.ShouldNotBeNull();
        var listed = await world.OccupantClient().GetFromJsonAsync<JsonElement>($"/work-orders/{order}/photos", Cancel);
        listed.EnumerateArray().Select(p => p.GetProperty("fileName").GetString()).ShouldBe(["before-1.jpg", "before-2.png"]);
        listed.EnumerateArray().ShouldAllBe(p => p.GetProperty("stage").GetString() == "work" && p.GetProperty("uploadedByName").GetString() == "测试engineer");
        listed[0].TryGetProperty("content", out _).ShouldBeFalse();
        var detail = await world.OccupantClient().GetFromJsonAsync<JsonElement>($"/work-orders/{order}", Cancel);
        detail.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())
            .ShouldBe(listed.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        detail.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("添加照片 2 张");
        (await world.PhotoCountAsync(order)).ShouldBe(2);
    }

    public static TheoryData<string> NotPhotos() => ["gif", "text renamed .jpg", "gif declared as jpeg", "jpeg and gif"];

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public async Task A_file_that_is_not_a_jpeg_png_or_webp_is_415_and_nothing_is_stored(string what)
    {
        var order = await world.SubmitAsync();
        (byte[], string, string?)[] files = what switch
        {
            "gif" => [(TestImages.Gif, "a.gif", "image/gif")],
            "text renamed .jpg" => [(TestImages.Text, "photo.jpg", "image/jpeg")],
            "gif declared as jpeg" => [(TestImages.Gif, "photo.jpg", "image/jpeg")],
            _ => [Jpeg(), (TestImages.Gif, "a.gif", "image/gif")],
        };

        var response = await UploadAsync(world.OccupantClient(), order, files);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await world.StoredPhotosAsync(order)).ShouldBe(0);
        (await world.PhotoCountAsync(order)).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_415_and_a_form_without_files_is_400()
    {
        var order = await world.SubmitAsync();

        await (await world.OccupantClient().PostAsync($"/work-orders/{order}/photos", new ByteArrayContent(TestImages.Jpeg)
        {
            Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") },
        }, Cancel)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var empty = new MultipartFormDataContent { { new StringContent("intake"), "stage" } };
        await (await world.OccupantClient().PostAsync($"/work-orders/{order}/photos", empty, Cancel)).ShouldHaveFieldErrorAsync("files");
        var badStage = Photos(Jpeg());
        badStage.Add(new StringContent("before"), "stage");
        await (await world.OccupantClient().PostAsync($"/work-orders/{order}/photos", badStage, Cancel)).ShouldHaveFieldErrorAsync("stage");

        (await world.StoredPhotosAsync(order)).ShouldBe(0);
    }

    [Fact]
    public async Task A_photo_of_5_MB_is_taken_and_one_byte_more_is_413_with_nothing_stored()
    {
        var order = await world.SubmitAsync();
        const int fiveMegabytes = 5 * 1024 * 1024;

        var tooLarge = await UploadAsync(world.OccupantClient(), order, Jpeg(), (TestImages.JpegOfSize(fiveMegabytes + 1), "big.jpg", "image/jpeg"));

        await tooLarge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await world.StoredPhotosAsync(order)).ShouldBe(0);

        var largest = await UploadAsync(world.OccupantClient(), order, (TestImages.JpegOfSize(fiveMegabytes), "big.jpg", "image/jpeg"));
        largest.StatusCode.ShouldBe(HttpStatusCode.OK, await largest.Content.ReadAsStringAsync(Cancel));
        (await world.App.ScalarAsync<int>($"SELECT size FROM work_order_photos WHERE work_order_id = '{order}'")).ShouldBe(fiveMegabytes);
    }

    [Fact]
    public async Task The_seventh_photo_is_409_and_nothing_more_is_stored()
    {
        var order = await world.SubmitAsync();
        var occupant = world.OccupantClient();
        (await UploadAsync(occupant, order, Jpeg(), Jpeg(), Jpeg(), Jpeg())).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await UploadAsync(occupant, order, Jpeg(), Jpeg(), Jpeg())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await world.StoredPhotosAsync(order)).ShouldBe(4);

        (await UploadAsync(occupant, order, Jpeg(), Jpeg())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seventh = await UploadAsync(world.StaffClient(Roles.FrontDesk), order, Jpeg());

        (await seventh.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("6");
        (await world.StoredPhotosAsync(order)).ShouldBe(6);
        (await world.PhotoCountAsync(order)).ShouldBe(6);
    }

    [Fact]
    public async Task A_cancelled_order_takes_no_photos()
    {
        var order = await world.SubmitAsync();
        await ActAsync(world.OccupantClient(), order, "cancel", """{"reason":"自己修好了"}""");

        await (await UploadAsync(world.OccupantClient(), order, Jpeg())).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await world.StoredPhotosAsync(order)).ShouldBe(0);
    }

    [Fact]
    public async Task Another_occupant_or_another_propertys_staff_finds_neither_the_order_nor_its_photos()
    {
        var order = await world.SubmitAsync();
        var url = (await (await UploadAsync(world.OccupantClient(), order, Jpeg())).ReadJsonAsync()).GetProperty("photos")[0].GetProperty("url").GetString();

        foreach (var stranger in new[] { world.NeighbourClient(), world.App.ClientAs(Roles.FrontDesk, world.PropertyB) })
        {
            await (await stranger.GetAsync($"/work-orders/{order}/photos", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync(url, Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await UploadAsync(stranger, order, Jpeg())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        await (await world.OccupantClient().GetAsync($"/work-orders/{order}/photos/{Guid.NewGuid()}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await world.StoredPhotosAsync(order)).ShouldBe(1);
    }

    [Fact]
    public void The_upload_lets_six_photos_of_5_MB_through_the_servers_body_limit()
    {
        // Kestrel's default limit (about 28.6 MB) is below six 5 MB photos; the test server has no limit, so check the endpoint's.
        var upload = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "AddWorkOrderPhotos");

        upload.Metadata.GetMetadata<IRequestSizeLimitMetadata>()!.MaxRequestBodySize.ShouldBe(32 * 1024 * 1024);
        (6L * WorkOrderPhoto.MaxBytes).ShouldBeLessThan(32 * 1024 * 1024 - 64 * 1024, "room for the multipart framing");
    }

    [Theory]
    [InlineData(Roles.Security)]
    [InlineData(Roles.Finance)]
    public async Task Roles_that_do_not_see_work_orders_get_403(string role)
    {
        var order = await world.SubmitAsync();

        await (await UploadAsync(world.StaffClient(role), order, Jpeg())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await world.StaffClient(role).GetAsync($"/work-orders/{order}/photos", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await world.App.CreateClient().GetAsync($"/work-orders/{order}/photos", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
