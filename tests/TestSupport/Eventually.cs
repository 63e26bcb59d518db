using System.Collections;

namespace PropertyPlatform.TestSupport;

/// <summary>Waits for something that happens asynchronously (an event delivered, a relay done), bounded in time.</summary>
public static class Eventually
{
    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="condition"/> holds for its result and returns that
    /// result. Failures of the probe count as "not yet" (e.g. while a broker reconnects). Throws a
    /// <see cref="TimeoutException"/> describing the last result after <paramref name="patience"/>.
    /// </summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var delay = TimeSpan.FromMilliseconds(20);
        var last = "no result yet";
        Exception? lastError = null;
        while (true)
        {
            try
            {
                var value = await probe();
                if (condition(value))
                {
                    return value;
                }

                last = Describe(value);
                lastError = null;
            }
            catch (Exception ex)
            {
                last = $"{ex.GetType().Name}: {ex.Message}";
                lastError = ex;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Not true within {patience.TotalSeconds:0.#}s; last: {last}", lastError);
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(500, delay.TotalMilliseconds * 2));
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        ICollection collection => $"{collection.Count} item(s)",
        _ => value.ToString() ?? "",
    };
}
