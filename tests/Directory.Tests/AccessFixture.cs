using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>
/// One Directory with two properties for the access tests. 国贸中心 (P) is the callers' property: building A座, unit
/// 1201 rented by 华夏科技有限公司 (C), whose employee and signer 张伟 (Z) is the occupant who calls; unit 1202 is
/// someone else's (韩梅梅 owns it). 阳光大厦 (Q) is another property with the same kinds of records, which nobody of P
/// may see. Every id the tests need is here.
/// </summary>
public sealed class AccessFixture(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public const string OwnIdCard = "110101199003071233";

    public const string AccountPassword = "Matrix@2026";

    public DirectoryApp App { get; private set; } = null!;

    public Guid P { get; private set; }
    public Guid BuildingA { get; private set; }
    public Guid UnitOfOccupant { get; private set; }
    public Guid OtherUnit { get; private set; }
    public Guid Company { get; private set; }
    public Guid OccupantPerson { get; private set; }
    public Guid OtherPerson { get; private set; }
    public Guid OwnOccupancy { get; private set; }
    public Guid StaffMember { get; private set; }

    public Guid Q { get; private set; }
    public Guid BuildingQ { get; private set; }
    public Guid UnitQ { get; private set; }
    public Guid CompanyQ { get; private set; }
    public Guid PersonQ { get; private set; }
    public Guid SignerQ { get; private set; }
    public Guid OccupancyQ { get; private set; }
    public Guid StaffQ { get; private set; }
    public Guid AccountQ { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await DirectoryApp.StartAsync(infrastructure);
        (P, BuildingA, UnitOfOccupant) = await App.RegisterPlaceAsync();
        OtherUnit = Id(await App.RegisterUnitAsync(BuildingA, "1202"));
        Company = Id(await App.RegisterCompanyAsync(P));
        OccupantPerson = Id(await App.RegisterPersonAsync(P, "张伟", "13800138000", Company, OwnIdCard));
        OtherPerson = Id(await App.RegisterPersonAsync(P, "韩梅梅", "13900139000"));
        await App.CreatedAsync($"/occupants/{Company}/signers", new { personId = OccupantPerson });
        OwnOccupancy = Id(await App.MoveInAsync(UnitOfOccupant, Company, "tenant", PeopleRequests.Today.AddDays(-100)));
        await App.MoveInAsync(OtherUnit, OtherPerson, "owner", PeopleRequests.Today.AddDays(-100));
        StaffMember = Id(await App.CreatedAsync("/staff", StaffBody(P)));

        Q = Id(await App.RegisterPropertyAsync("阳光大厦"));
        BuildingQ = Id(await App.RegisterBuildingAsync(Q, "1号楼"));
        UnitQ = Id(await App.RegisterUnitAsync(BuildingQ, "101"));
        CompanyQ = Id(await App.RegisterCompanyAsync(Q, "远大贸易有限公司"));
        PersonQ = Id(await App.RegisterPersonAsync(Q, "王五", "13700137000", CompanyQ));
        SignerQ = Id(await App.CreatedAsync($"/occupants/{CompanyQ}/signers", new { personId = PersonQ }));
        OccupancyQ = Id(await App.MoveInAsync(UnitQ, CompanyQ, "tenant", PeopleRequests.Today.AddDays(-10)));
        StaffQ = Id(await App.CreatedAsync("/staff", StaffBody(Q)));
        AccountQ = Id(await App.CreatedAsync("/accounts", new { personId = PersonQ, userName = "wangwu", initialPassword = AccountPassword }));
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    /// <summary>The occupant 张伟 as he is signed in: his company's unit.</summary>
    public HttpClient Occupant() => App.ClientAsOccupant(OccupantPerson, P, UnitOfOccupant);

    /// <summary>A client with <paramref name="role"/> in P (an occupant: 张伟; an administrator: of P only).</summary>
    public HttpClient ClientAs(string role) => role == ServiceDefaults.Auth.Roles.Occupant ? Occupant() : App.ClientAs(role, P);

    public static object StaffBody(Guid propertyId) => new
    {
        name = "王师傅", phone = "13600136000", department = "engineering", roles = new[] { "engineer" }, propertyIds = new[] { propertyId },
    };

    /// <summary>A new person working for <paramref name="companyId"/>, registered by an administrator.</summary>
    public async Task<Guid> NewEmployeeAsync(Guid propertyId, Guid companyId) =>
        Id(await App.RegisterPersonAsync(propertyId, "新员工", "13500135000", companyId));

    /// <summary>The account of a new person working for <paramref name="companyId"/>, created by an administrator.</summary>
    public async Task<Guid> NewAccountAsync(Guid propertyId, Guid companyId) =>
        Id(await App.CreatedAsync("/accounts", new { personId = await NewEmployeeAsync(propertyId, companyId), userName = $"u{Guid.NewGuid():N}"[..16], initialPassword = AccountPassword }));

    /// <summary>
    /// Gives the person the client is signed in as a fresh account with <paramref name="password"/> (replacing any
    /// they had), so endpoints about one's own account answer; a client without a token is left alone.
    /// </summary>
    public async Task GiveAccountAsync(HttpClient client, string password)
    {
        if (client.DefaultRequestHeaders.Authorization?.Parameter is not { } accessToken)
        {
            return;
        }
        var token = new JsonWebToken(accessToken);
        var personId = Guid.Parse(token.Subject);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Accounts.Where(a => a.PersonId == personId).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        var roles = token.Claims.Where(c => c.Type == "role").Select(c => c.Value).ToList();
        await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync(
            new NewAccount($"u{Guid.NewGuid():N}"[..16], password, personId, token.GetClaim("name").Value, roles, AccountScope.Properties(P)),
            TestContext.Current.CancellationToken);
    }

    /// <summary>A new unit of A座 (a number nobody used), registered by an administrator.</summary>
    public async Task<Guid> NewUnitAsync() => Id(await App.RegisterUnitAsync(BuildingA, $"N{Guid.NewGuid():N}"[..12]));

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    public static StringContent Csv(string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();
}
