using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyPlatform.ServiceDefaults.Problems;

/// <summary>
/// Request validation with FluentValidation as an endpoint filter (the FluentValidation.AspNetCore
/// package is not used): an invalid request answers 400 with field errors before the handler runs.
/// </summary>
public static class Validation
{
    /// <summary>Registers every FluentValidation validator declared in the assembly.</summary>
    public static IServiceCollection AddValidatorsFrom(this IServiceCollection services, Assembly assembly)
    {
        var validators = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
        {
            services.AddSingleton(service, implementation);
        }
        return services;
    }

    /// <summary>Validates the endpoint's <typeparamref name="TRequest"/> argument before the handler runs.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder)
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
            if (request is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is required.");
            }

            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
            var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                return TypedResults.ValidationProblem(ToFieldErrors(result));
            }
            return await next(context);
        });
        return builder.ProducesValidationProblem();
    }

    private static Dictionary<string, string[]> ToFieldErrors(FluentValidation.Results.ValidationResult result) =>
        result.Errors
            .GroupBy(e => JsonFieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    /// <summary>Field names as the client wrote them in JSON (camelCase), e.g. <c>unitId</c>.</summary>
    private static string JsonFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
