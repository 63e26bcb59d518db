using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace PropertyPlatform.ServiceDefaults.Problems;

/// <summary>A collection's largest size, which the OpenAPI document can read (a <c>Must</c> rule it cannot).</summary>
public interface IMaximumCountValidator : IPropertyValidator
{
    int Max { get; }
}

public static class MaximumCountRule
{
    /// <summary>At most <paramref name="max"/> elements (a null collection passes: NotEmpty or NotNull says whether it may be null).</summary>
    public static IRuleBuilderOptions<T, TCollection> MaximumCount<T, TCollection>(this IRuleBuilder<T, TCollection> rule, int max)
        where TCollection : IEnumerable? =>
        rule.SetValidator(new MaximumCountValidator<T, TCollection>(max));
}

internal sealed class MaximumCountValidator<T, TCollection>(int max) : PropertyValidator<T, TCollection>, IMaximumCountValidator
    where TCollection : IEnumerable?
{
    public int Max { get; } = max;

    public override string Name => "MaximumCountValidator";

    public override bool IsValid(ValidationContext<T> context, TCollection value)
    {
        context.MessageFormatter.AppendArgument("MaxCount", Max);
        return value is null || value.Cast<object?>().Count() <= Max;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' must have at most {MaxCount} items.";
}
