using System.Net;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// The front desk's day through the gateway, as issue 11 says it is done: the people are the demo accounts, the data
/// the demo property's, and every call goes through the one address clients use.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReceptionGatewayTests(ConsoleFixture fixture)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Visitors_walk_ins_exit_passes_a_found_wallet_and_an_overdue_key_go_through_the_front_desk_and_the_evening_handover_lists_the_key()
    {
        using var occupant = await fixture.ApiAsync("occupant");
        using var desk = await fixture.ApiAsync("frontdesk");
        using var guard = await fixture.ApiAsync("security");
        var unit = (await occupant.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0];
        var unitId = unit.GetProperty("id").GetGuid();
        var propertyId = unit.GetProperty("propertyId").GetGuid();
        var now = DateTimeOffset.UtcNow;
        var stamp = $"{now:HHmmssfff}";

        // The occupant invites a visitor; security checks them in with the pass code, and out.
        var invited = await Created(occupant, "/api/reception/visits", new
        {
            unitId, visitorName = $"访客{stamp}", visitorPhone = "13900139000", idType = "resident_id_card", idNumber = "110105194912310038",
            purpose = "拜访", partySize = 1, expectedFrom = now, expectedUntil = now.AddHours(2),
        });
        var code = invited.GetProperty("passCode").GetString();
        var found = await guard.GetFromJsonAsync<JsonElement>($"/api/reception/visits/by-pass-code/{code}?propertyId={propertyId}", Cancel);
        found.GetProperty("idNumber").GetString().ShouldBe("110105194912310038", "security compares the full number with the document");
        var visitId = found.GetProperty("id").GetGuid();
        (await Ok(guard, $"/api/reception/visits/{visitId}/check-in")).GetProperty("status").GetString().ShouldBe("checked_in");
        (await Ok(guard, $"/api/reception/visits/{visitId}/check-out")).GetProperty("status").GetString().ShouldBe("checked_out");
        // The code was for that one visit: it admits nobody now.
        (await guard.GetAsync($"/api/reception/visits/by-pass-code/{code}?propertyId={propertyId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A walk-in waits for the host: the gate cannot let them in until the host confirms.
        var walkIn = await Created(desk, "/api/reception/visits/walk-ins", new
        {
            unitId, visitorName = $"临时访客{stamp}", visitorPhone = "13800138000", idType = "resident_id_card", idNumber = "11010519491231002X",
            purpose = "送合同", partySize = 1,
        });
        walkIn.GetProperty("status").GetString().ShouldBe("awaiting_host");
        var walkInId = walkIn.GetProperty("id").GetGuid();
        (await guard.PostAsync($"/api/reception/visits/{walkInId}/check-in", null, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var waiting = await occupant.GetFromJsonAsync<JsonElement>("/api/reception/visits?status=awaiting_host&pageSize=100", Cancel);
        waiting.GetProperty("items").EnumerateArray().ShouldContain(v => v.GetProperty("id").GetGuid() == walkInId, "the host sees who waits for them");
        (await Ok(occupant, $"/api/reception/visits/{walkInId}/confirm")).GetProperty("status").GetString().ShouldBe("expected");
        (await Ok(guard, $"/api/reception/visits/{walkInId}/check-in")).GetProperty("status").GetString().ShouldBe("checked_in");

        // Exit passes: signed by someone who does not sign for the tenant, the desk refuses it; signed by an authorised
        // signer (Reception's copy of Directory's signers), it is verified and the gate releases the goods.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, China).Date);
        var signers = await Eventually.ReturnsAsync(
            () => occupant.GetFromJsonAsync<JsonElement>($"/api/reception/exit-passes/signers?unitId={unitId}", Cancel),
            s => s.GetArrayLength() > 0, TimeSpan.FromSeconds(60));
        var signer = signers[0];
        var unsigned = await Created(occupant, "/api/reception/exit-passes", new
        {
            unitId, carrierName = "搬家师傅老刘", exitDate = today, signerName = "王芳", items = new[] { new { name = "办公椅", quantity = 4 } },
        });
        var refused = await desk.PostAsync($"/api/reception/exit-passes/{unsigned.GetProperty("id").GetGuid()}/verify", null, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await occupant.GetFromJsonAsync<JsonElement>($"/api/reception/exit-passes/{unsigned.GetProperty("id").GetGuid()}", Cancel))
            .GetProperty("status").GetString().ShouldBe("submitted");

        var signed = await Created(occupant, "/api/reception/exit-passes", new
        {
            unitId, carrierName = "搬家师傅老刘", exitDate = today, signerPersonId = signer.GetProperty("personId").GetGuid(),
            signerName = signer.GetProperty("personName").GetString(), items = new[] { new { name = "文件柜", quantity = 2 }, new { name = "打印机", quantity = 1 } },
        });
        var passId = signed.GetProperty("id").GetGuid();
        (await Ok(desk, $"/api/reception/exit-passes/{passId}/verify")).GetProperty("status").GetString().ShouldBe("verified");
        var released = await Ok(guard, $"/api/reception/exit-passes/{passId}/release", new
        {
            items = new[] { new { sequence = 1, quantity = 2 }, new { sequence = 2, quantity = 1 } },
        });
        released.GetProperty("status").GetString().ShouldBe("released");
        released.GetProperty("checkedByName").GetString().ShouldBe("赵勇");

        // A wallet with cash is found: a valuable, in the admin office's custody; its owner describes it, shows ID and takes it.
        var wallet = await Created(desk, "/api/reception/lost-items", new
        {
            propertyId, foundAt = now.AddMinutes(-20), item = $"黑色钱包{stamp}", category = "cash", features = "黑色皮质，内有现金约800元和银行卡",
            place = "A座大堂沙发", finderName = "保洁员李阿姨", estimatedValue = 800m,
        });
        wallet.GetProperty("isValuable").GetBoolean().ShouldBeTrue();
        wallet.GetProperty("custodian").GetString().ShouldBe("admin_office");
        var walletId = wallet.GetProperty("id").GetGuid();
        var read = await desk.GetAsync($"/api/reception/lost-items/{walletId}", Cancel);
        read.EnsureSuccessStatusCode();
        using var claim = new HttpRequestMessage(HttpMethod.Post, $"/api/reception/lost-items/{walletId}/claim")
        {
            Content = JsonContent.Create(new
            {
                claimantName = "刘先生", claimantPhone = "13700137000", idType = "resident_id_card", idNumber = "110105194912310038",
                featuresVerified = true, placeVerified = true,
            }),
        };
        claim.Headers.IfMatch.Add(read.Headers.ETag!);
        var claimed = await desk.SendAsync(claim, Cancel);
        claimed.StatusCode.ShouldBe(HttpStatusCode.OK, await claimed.Content.ReadAsStringAsync(Cancel));
        var claimedItem = await claimed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        claimedItem.GetProperty("status").GetString().ShouldBe("claimed");
        claimedItem.GetProperty("claimantIdNumberMasked").GetString()!.ShouldNotContain("194912310038");

        // A vacant unit's key goes out until a few seconds from now and is not back: the register shows it overdue,
        // and the evening handover lists it so.
        var key = await Created(desk, "/api/reception/keys", new { unitId, label = $"大门钥匙{stamp}" });
        var keyId = key.GetProperty("id").GetGuid();
        var dueBack = DateTimeOffset.UtcNow.AddSeconds(3);
        await Ok(desk, $"/api/reception/keys/{keyId}/sign-out", new { holderName = "工程部张工", holderPhone = "13600136000", reason = "检查漏水", expectedReturnAt = dueBack });
        var overdue = await Eventually.ReturnsAsync(
            () => desk.GetFromJsonAsync<JsonElement>($"/api/reception/keys?overdue=true&propertyId={propertyId}&pageSize=100", Cancel),
            page => page.GetProperty("items").EnumerateArray().Any(k => k.GetProperty("id").GetGuid() == keyId), TimeSpan.FromSeconds(30));
        overdue.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == keyId).GetProperty("overdue").GetBoolean().ShouldBeTrue();

        var handover = await Created(desk, "/api/reception/handovers", new { propertyId, notes = "钥匙未还，已电话催" });
        var keyItem = handover.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("referenceId").GetGuid() == keyId);
        keyItem.GetProperty("kind").GetString().ShouldBe("key");
        keyItem.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        keyItem.GetProperty("summary").GetString()!.ShouldContain("工程部张工");
        // The incoming shift (security's night guard here) takes it over.
        (await Ok(guard, $"/api/reception/handovers/{handover.GetProperty("id").GetGuid()}/acknowledge", new { notes = "已接班" }))
            .GetProperty("acknowledgedByName").GetString().ShouldBe("赵勇");
    }

    [Fact]
    public async Task A_media_visit_an_occupant_invites_reaches_the_managers_inbox()
    {
        using var occupant = await fixture.ApiAsync("occupant");
        using var manager = await fixture.ApiAsync("manager");
        var unit = (await occupant.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0];
        var now = DateTimeOffset.UtcNow;
        var visitor = $"记者{now:HHmmssfff}";

        await Created(occupant, "/api/reception/visits", new
        {
            unitId = unit.GetProperty("id").GetGuid(), visitorName = visitor, visitorPhone = "13900139000", idType = "resident_id_card",
            idNumber = "110105194912310038", purpose = "采访", partySize = 2, expectedFrom = now, expectedUntil = now.AddHours(2), category = "media",
        });

        // Reception's NotableVisitorExpected, routed by Notifications to the property's manager.
        var notice = await Eventually.ReturnsAsync(
            async () => (await manager.GetFromJsonAsync<JsonElement>("/api/notifications/inbox?pageSize=50", Cancel)).GetProperty("items").EnumerateArray()
                // The manager may also oversee the guards' "expected visitor" notice of the same visit: look for the notable one.
                .FirstOrDefault(e => e.GetProperty("title").GetString() is { } title
                    && title.StartsWith("重要来访", StringComparison.Ordinal) && title.Contains(visitor, StringComparison.Ordinal)),
            e => e.ValueKind != JsonValueKind.Undefined, TimeSpan.FromSeconds(60));
        notice.GetProperty("title").GetString()!.ShouldContain(unit.GetProperty("number").GetString()!);
    }

    private static async Task<JsonElement> Created(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"POST {path}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<JsonElement> Ok(HttpClient client, string path, object? body = null)
    {
        var response = body is null ? await client.PostAsync(path, null, Cancel) : await client.PostAsJsonAsync(path, body, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"POST {path}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }
}
