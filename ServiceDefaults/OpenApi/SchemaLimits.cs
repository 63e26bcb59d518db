using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.ServiceDefaults.OpenApi;

/// <summary>
/// Puts into the schemas the limits the server enforces: those of the request's FluentValidation validator
/// (lengths, ranges, patterns, non-empty), and the ones a value's format implies (a uuid is 36 characters, an
/// int32 lies between int.MinValue and int.MaxValue).
/// </summary>
internal sealed class SchemaLimits : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ApplyFormatLimits(schema);
        if (schema.Properties is { Count: > 0 } properties
            && context.ApplicationServices.GetService(typeof(IValidator<>).MakeGenericType(context.JsonTypeInfo.Type)) is IValidator validator)
        {
            ApplyValidatorLimits(properties, validator);
        }
        return Task.CompletedTask;
    }

    private static void ApplyFormatLimits(OpenApiSchema schema)
    {
        if (schema.Type is not { } type)
        {
            return;
        }
        if (type.HasFlag(JsonSchemaType.String) && schema.MaxLength is null)
        {
            // The longest text System.Text.Json reads for each of these.
            schema.MaxLength = schema.Format switch
            {
                "uuid" => 36,
                "date" => 10,
                "time" => 16,
                "date-time" => 42,
                _ when schema.Pattern?.StartsWith(@"^-?(\d+\.)?\d{2}:", StringComparison.Ordinal) == true => 26, // a TimeSpan
                _ => null,
            };
        }
        if (type.HasFlag(JsonSchemaType.Integer))
        {
            var (min, max, digits) = schema.Format == "int64"
                ? (long.MinValue.ToString(CultureInfo.InvariantCulture), long.MaxValue.ToString(CultureInfo.InvariantCulture), 20)
                : (int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture), 11);
            if (schema.Minimum is null && schema.ExclusiveMinimum is null)
            {
                schema.Minimum = min;
            }
            if (schema.Maximum is null && schema.ExclusiveMaximum is null)
            {
                schema.Maximum = max;
            }
            if (type.HasFlag(JsonSchemaType.String))
            {
                // The number may also be sent as a string of digits.
                schema.MaxLength ??= digits;
            }
        }
    }

    private static void ApplyValidatorLimits(IDictionary<string, IOpenApiSchema> properties, IValidator validator)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            if (rule.PropertyName is not { Length: > 0 } name || name.Contains('.', StringComparison.Ordinal)
                || !properties.TryGetValue(JsonName(name), out var found) || found is not OpenApiSchema property)
            {
                continue;
            }
            // RuleForEach limits each element, not the collection.
            var target = IsCollectionRule(rule) ? property.Items as OpenApiSchema : property;
            if (target is null)
            {
                continue;
            }
            foreach (var component in rule.Components)
            {
                Apply(target, component.Validator, conditional: component.HasCondition || component.HasAsyncCondition);
            }
        }
    }

    /// <summary>
    /// Upper bounds hold whenever they are checked; a rule that applies only under a condition (When) cannot say
    /// that a value is required, non-empty or shaped, so those are left out.
    /// </summary>
    private static void Apply(OpenApiSchema schema, IPropertyValidator validator, bool conditional)
    {
        var type = schema.Type ?? 0;
        if (conditional && validator is INotEmptyValidator or IRegularExpressionValidator)
        {
            return;
        }
        switch (validator)
        {
            case ILengthValidator length when type.HasFlag(JsonSchemaType.String):
                if (length.Max > 0)
                {
                    schema.MaxLength = Math.Min(schema.MaxLength ?? int.MaxValue, length.Max);
                }
                if (length.Min > 0 && !conditional)
                {
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, length.Min);
                }
                break;
            case INotEmptyValidator when type.HasFlag(JsonSchemaType.String) && schema.Format is null:
                schema.MinLength ??= 1;
                break;
            case INotEmptyValidator when type.HasFlag(JsonSchemaType.Array):
                schema.MinItems ??= 1;
                break;
            case IMaximumCountValidator count when type.HasFlag(JsonSchemaType.Array):
                schema.MaxItems = Math.Min(schema.MaxItems ?? int.MaxValue, count.Max);
                break;
            case IRegularExpressionValidator regex when type.HasFlag(JsonSchemaType.String):
                schema.Pattern ??= regex.Expression;
                break;
            case IBetweenValidator between when IsNumber(between.From) && IsNumber(between.To):
                var exclusive = between.Name.StartsWith("Exclusive", StringComparison.Ordinal);
                SetMaximum(schema, between.To, exclusive);
                if (!conditional)
                {
                    SetMinimum(schema, between.From, exclusive);
                }
                break;
            case IComparisonValidator { ValueToCompare: var value } comparison when IsNumber(value):
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThan or Comparison.GreaterThanOrEqual when !conditional:
                        SetMinimum(schema, value, exclusive: comparison.Comparison == Comparison.GreaterThan);
                        break;
                    case Comparison.LessThan or Comparison.LessThanOrEqual:
                        SetMaximum(schema, value, exclusive: comparison.Comparison == Comparison.LessThan);
                        break;
                }
                break;
        }
    }

    private static void SetMinimum(OpenApiSchema schema, object value, bool exclusive)
    {
        schema.Minimum = exclusive ? null : Text(value);
        schema.ExclusiveMinimum = exclusive ? Text(value) : null;
    }

    private static void SetMaximum(OpenApiSchema schema, object value, bool exclusive)
    {
        schema.Maximum = exclusive ? null : Text(value);
        schema.ExclusiveMaximum = exclusive ? Text(value) : null;
    }

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static bool IsNumber(object? value) =>
        value is int or long or short or byte or uint or ulong or ushort or decimal or double or float;

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    /// <summary>Property names as the JSON has them (camelCase).</summary>
    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
