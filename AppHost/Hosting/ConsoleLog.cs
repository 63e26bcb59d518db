namespace PropertyPlatform.AppHost.Hosting;

/// <summary>
/// Writes every resource's output as <c>name | line</c>, names padded to one width and coloured when
/// the output is a terminal, so interleaved logs stay readable.
/// </summary>
public sealed class ConsoleLog
{
    public const string AppHostName = "apphost";

    // Readable on both dark and light terminals; the AppHost's own lines stay uncoloured.
    private static readonly string[] Colours = ["\e[36m", "\e[33m", "\e[32m", "\e[35m", "\e[34m", "\e[96m", "\e[93m", "\e[92m", "\e[95m", "\e[94m"];
    private const string Reset = "\e[0m";

    private readonly TextWriter _writer;
    private readonly bool _colour;
    private readonly Dictionary<string, string> _colourByName = [];
    private readonly Lock _lock = new();
    private int _width = AppHostName.Length;

    public ConsoleLog(TextWriter writer, bool colour)
    {
        _writer = writer;
        _colour = colour;
    }

    /// <summary>Colour only for a terminal, and not when NO_COLOR is set (no-color.org).</summary>
    public static bool ConsoleSupportsColour =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Makes room for <paramref name="name"/> in the padded name column and gives it a colour.</summary>
    public void Register(string name)
    {
        lock (_lock)
        {
            _width = Math.Max(_width, name.Length);
            _colourByName.TryAdd(name, Colours[_colourByName.Count % Colours.Length]);
        }
    }

    /// <summary>One line of a resource's output.</summary>
    public void Write(string name, string line)
    {
        lock (_lock)
        {
            var prefix = name.PadRight(_width);
            if (_colour && _colourByName.TryGetValue(name, out var colour))
            {
                _writer.WriteLine($"{colour}{prefix} |{Reset} {line}");
            }
            else
            {
                _writer.WriteLine($"{prefix} | {line}");
            }

            _writer.Flush();
        }
    }

    /// <summary>A line from the AppHost itself.</summary>
    public void Info(string message) => Write(AppHostName, message);

    /// <summary>Lines written as they are, e.g. the resource table.</summary>
    public void Block(string text)
    {
        lock (_lock)
        {
            _writer.Write(text);
            _writer.Flush();
        }
    }
}
