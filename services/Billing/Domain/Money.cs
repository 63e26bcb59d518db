namespace PropertyPlatform.Billing.Domain;

/// <summary>Money is exact: decimal CNY, rounded half-up (四舍五入) to the fen per bill line.</summary>
public static class Money
{
    /// <summary>Rounds to the fen (0.01), a half fen up: 0.005 → 0.01 (banker's rounding would give 0.00).</summary>
    public static decimal RoundToFen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
