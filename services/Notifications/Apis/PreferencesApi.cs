using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Apis;

/// <summary>
/// The caller's own notification preferences: channels per category (the inbox always), language, quiet hours.
/// Someone who never chose reads the defaults. Escalations ignore quiet hours; what is held goes out when they end.
/// </summary>
public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/preferences").WithTags("Preferences")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Security, Roles.Finance, Roles.Admin);
        api.MapGet("/", GetPreferences).WithName("GetPreferences");
        api.MapPut("/", ChangePreferences).WithName("ChangePreferences").Validate<PreferencesRequest>();
        return app;
    }

    public static async Task<Ok<PreferencesView>> GetPreferences(Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var preference = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == caller.PersonId, cancellationToken)
            ?? Preference.Default(caller.PersonId);
        return TypedResults.Ok(PreferencesView.From(preference));
    }

    /// <summary>Replaces the caller's preferences; rules the validator cannot see (a known time zone) answer 409 as domain rules do.</summary>
    public static async Task<Ok<PreferencesView>> ChangePreferences(
        PreferencesRequest request, Caller caller, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var preference = await db.Preferences.SingleOrDefaultAsync(p => p.PersonId == caller.PersonId, cancellationToken);
        if (preference is null)
        {
            preference = Preference.Default(caller.PersonId);
            db.Preferences.Add(preference);
        }
        preference.Change(
            Languages.FromTag(request.Language) ?? Languages.Default, request.Email, request.Sms, request.QuietHours?.From, request.QuietHours?.Until,
            request.TimeZone, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PreferencesView.From(preference));
    }
}

/// <summary>Local times, e.g. 22:00 to 07:00 (spanning midnight).</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until);

public sealed record PreferencesRequest(string Language, IReadOnlyList<Category> Email, IReadOnlyList<Category> Sms, QuietHours? QuietHours, string? TimeZone);

public sealed class PreferencesRequestValidator : AbstractValidator<PreferencesRequest>
{
    public PreferencesRequestValidator()
    {
        RuleFor(r => r.Language).MaximumLength(16).Must(tag => Languages.FromTag(tag) is not null).WithMessage("Use zh-CN or en.");
        RuleFor(r => r.Email).NotNull().MaximumCount(Enum.GetValues<Category>().Length);
        RuleFor(r => r.Sms).NotNull().MaximumCount(Enum.GetValues<Category>().Length);
        RuleForEach(r => r.Email).IsInEnum();
        RuleForEach(r => r.Sms).IsInEnum();
        RuleFor(r => r.QuietHours).Must(q => q is null || q.From != q.Until).WithMessage("Quiet hours must end at another time than they start.");
        RuleFor(r => r.TimeZone).MaximumLength(64);
    }
}

public sealed record PreferencesView(
    string Language, IReadOnlyList<Category> Email, IReadOnlyList<Category> Sms, QuietHours? QuietHours, string TimeZone)
{
    public static PreferencesView From(Preference p) => new(
        p.Language.Tag(), p.EmailCategories, p.SmsCategories,
        p.QuietFrom is { } from && p.QuietUntil is { } until ? new QuietHours(from, until) : null, p.TimeZone);
}
