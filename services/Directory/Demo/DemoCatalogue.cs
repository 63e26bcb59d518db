using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.Demo;

/// <summary>
/// What the demo property holds: 环球贸易中心, an office tower of two buildings with 199 units (offices, shops,
/// storage rooms, parking spaces, a clubhouse), its occupants and one staff member per role. Names are made up;
/// ID numbers are well formed (valid check character) but belong to nobody.
/// </summary>
internal static class DemoCatalogue
{
    public const string PropertyName = "环球贸易中心";
    public const string PropertyAddress = "北京市朝阳区建国门外大街1号";
    public const string BuildingA = "A座";
    public const string BuildingB = "B座";

    /// <summary>The developer owns every office and leases them out.</summary>
    public const string Developer = "环贸置业有限公司";

    /// <summary>The company the demo occupant works for; the occupant account sees its units.</summary>
    public const string OccupantCompany = "华夏智联科技有限公司";

    public sealed record DemoUnit(string Building, string Number, int Floor, UnitType Type, decimal Area);

    /// <summary>A company with the units it rents or owns and its staff (the first <see cref="Signers"/> of them sign for it).</summary>
    public sealed record DemoCompany(
        string Name, string Phone, string Email, OccupancyRole Role, DateOnly Since, string[] Units, string[] Staff, int Signers);

    /// <summary>A person who owns a shop or parking space (业主), with their resident ID card.</summary>
    public sealed record DemoOwner(string Name, string Unit, DateOnly Since, DateOnly Born);

    /// <summary>A staff member with a demo account; the user name is the role.</summary>
    public sealed record DemoStaff(string UserName, string Name, Department Department, StaffRole Role);

    public static IReadOnlyList<DemoUnit> Units { get; } = BuildUnits();

    public static IReadOnlyList<DemoCompany> Companies { get; } =
    [
        new(OccupantCompany, "010-85880101", "office@huaxia-zhilian.example.cn", OccupancyRole.Tenant, new(2023, 3, 1),
            ["A座/1201", "A座/1202", "A座/1203", "A座/1204", "A座/1205", "A座/B1-01"], ["张伟", "李娜", "王芳"], 2),
        new("北京正和律师事务所", "010-85880102", "contact@zhenghe-law.example.cn", OccupancyRole.Tenant, new(2022, 9, 15),
            ["A座/1501", "A座/1502"], ["刘洋", "钱晓燕"], 1),
        new("远航国际物流有限公司", "010-85880103", "admin@yuanhang-log.example.cn", OccupancyRole.Tenant, new(2024, 1, 10),
            ["A座/801", "A座/802", "A座/803", "A座/B1-02", "A座/B1-03"], ["陈静", "马永强"], 1),
        new("恒通保险经纪有限公司", "010-85880104", "service@hengtong-ins.example.cn", OccupancyRole.Tenant, new(2023, 7, 1),
            ["A座/1001", "A座/1002"], ["杨帆"], 1),
        new("中信达投资管理有限公司", "010-85880105", "ir@zxd-capital.example.cn", OccupancyRole.Tenant, new(2022, 12, 1),
            ["A座/2001", "A座/2002", "A座/2003", "A座/2004", "A座/2005"], ["徐明", "朱丽"], 2),
        new("博雅教育咨询有限公司", "010-85880106", "hello@boya-edu.example.cn", OccupancyRole.Tenant, new(2024, 5, 20),
            ["B座/501", "B座/502", "B座/503", "B座/504"], ["赵磊"], 1),
        new("瑞丰会计师事务所", "010-85880107", "audit@ruifeng-cpa.example.cn", OccupancyRole.Tenant, new(2023, 10, 8),
            ["B座/901", "B座/902"], ["黄敏"], 1),
        new("星辰广告传媒有限公司", "010-85880108", "studio@xingchen-media.example.cn", OccupancyRole.Tenant, new(2025, 2, 17),
            ["B座/1201"], ["周杰"], 1),
        new("蓝海医疗器械有限公司", "010-85880109", "office@lanhai-med.example.cn", OccupancyRole.Tenant, new(2024, 8, 1),
            ["B座/1401", "B座/1402", "B座/1403", "B座/1404", "A座/B1-04"], ["吴婷", "郭志刚"], 1),
        new("云间咖啡有限公司", "010-85880110", "shop@yunjian-coffee.example.cn", OccupancyRole.Tenant, new(2023, 4, 28),
            ["A座/101"], ["林小雨"], 1),
        new("禾木便利店有限公司", "010-85880111", "store@hemu-mart.example.cn", OccupancyRole.Tenant, new(2022, 11, 11),
            ["B座/101"], ["何建军"], 1),
        new("福满楼餐饮管理有限公司", "010-85880112", "dine@fumanlou.example.cn", OccupancyRole.Tenant, new(2024, 3, 18),
            ["B座/102", "B座/103"], ["冯国栋"], 1),
        new(Developer, "010-85880000", "leasing@huanmao-zhiye.example.cn", OccupancyRole.Owner, new(2022, 6, 30),
            [], ["韩立新"], 1),
    ];

    public static IReadOnlyList<DemoOwner> Owners { get; } =
    [
        new("王建国", "A座/102", new(2022, 8, 1), new(1968, 4, 12)),
        new("李秀英", "A座/103", new(2022, 8, 1), new(1972, 9, 3)),
        new("孙丽", "B座/104", new(2023, 1, 6), new(1985, 1, 25)),
        new("马超", "B座/B2-001", new(2022, 10, 1), new(1979, 6, 30)),
        new("胡军", "B座/B2-002", new(2022, 10, 1), new(1982, 11, 8)),
        new("郭涛", "B座/B2-003", new(2023, 2, 14), new(1990, 2, 14)),
        new("何丽", "B座/B2-004", new(2023, 5, 5), new(1987, 7, 21)),
        new("高峰", "B座/B2-005", new(2024, 4, 1), new(1975, 3, 9)),
        new("林晓", "B座/B2-006", new(2024, 9, 9), new(1993, 12, 1)),
        new("罗刚", "B座/B2-007", new(2025, 1, 20), new(1981, 5, 17)),
        new("郑伟", "B座/B2-008", new(2025, 6, 1), new(1970, 10, 28)),
    ];

    public static IReadOnlyList<DemoStaff> Staff { get; } =
    [
        new(Roles.Admin, "郑明", Department.HrAdmin, StaffRole.Admin),
        new(Roles.FrontDesk, "王小红", Department.CustomerService, StaffRole.Frontdesk),
        new(Roles.Supervisor, "李建华", Department.CustomerService, StaffRole.Supervisor),
        new(Roles.Manager, "陈志远", Department.ProjectManagement, StaffRole.Manager),
        new(Roles.Engineer, "刘国强", Department.Engineering, StaffRole.Engineer),
        new(Roles.Security, "赵勇", Department.Security, StaffRole.Security),
        new(Roles.Finance, "孙丽华", Department.Finance, StaffRole.Finance),
    ];

    /// <summary>The person behind the <c>occupant</c> account: on the staff of <see cref="OccupantCompany"/> and one of its signers.</summary>
    public const string OccupantPerson = "张伟";

    /// <summary>The demo occupant's email (a made-up address): their notifications reach the mail catcher.</summary>
    public const string OccupantEmail = "zhang.wei@huaxia-zhilian.example.cn";

    /// <summary>The property company's mail domain (made up): each demo staff member is <c>{user name}@</c> it.</summary>
    public const string StaffEmailDomain = "huanmao-wuye.example.cn";

    /// <summary>Every demo account's user name: one per role.</summary>
    public static IReadOnlyList<string> UserNames { get; } = [.. Staff.Select(s => s.UserName), Roles.Occupant];

    /// <summary>
    /// A well-formed resident ID card number (朝阳区 110105, birth date, sequence, GB 11643 check character).
    /// </summary>
    public static string IdCardNumber(DateOnly born, int sequence)
    {
        var body = $"110105{born:yyyyMMdd}{sequence % 1000:000}";
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A mainland mobile number, different for every <paramref name="index"/>.</summary>
    public static string Mobile(int index) => $"139{10000000 + index * 7919 % 90000000:00000000}";

    private static List<DemoUnit> BuildUnits()
    {
        var units = new List<DemoUnit>();
        // A座: storage rooms in the basement, shops and the clubhouse below, offices on 3–20.
        for (var i = 1; i <= 10; i++)
        {
            units.Add(new(BuildingA, $"B1-{i:00}", -1, UnitType.Storage, 12.00m + i * 1.75m));
        }
        for (var i = 1; i <= 6; i++)
        {
            units.Add(new(BuildingA, $"10{i}", 1, UnitType.Shop, 58.40m + i * 11.25m));
        }
        units.Add(new(BuildingA, "201", 2, UnitType.Clubhouse, 680.00m));
        for (var floor = 3; floor <= 20; floor++)
        {
            for (var i = 1; i <= 5; i++)
            {
                units.Add(new(BuildingA, $"{floor}{i:00}", floor, UnitType.Office, 96.50m + (floor * 7 + i * 13) % 60 + 0.25m * i));
            }
        }
        // B座: shops, offices on 2–15, parking on B2.
        for (var i = 1; i <= 6; i++)
        {
            units.Add(new(BuildingB, $"10{i}", 1, UnitType.Shop, 45.80m + i * 9.60m));
        }
        for (var floor = 2; floor <= 15; floor++)
        {
            for (var i = 1; i <= 4; i++)
            {
                units.Add(new(BuildingB, $"{floor}{i:00}", floor, UnitType.Office, 120.00m + (floor * 5 + i * 17) % 80 + 0.50m * i));
            }
        }
        for (var i = 1; i <= 30; i++)
        {
            units.Add(new(BuildingB, $"B2-{i:000}", -2, UnitType.ParkingSpace, 12.50m));
        }
        return units;
    }
}
