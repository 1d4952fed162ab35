using System.Text;

namespace CallPing.Ari;

/// <summary>Builds a query string; ARI reads repeated keys (media=a&amp;media=b) as a list.</summary>
internal sealed class AriQuery
{
    private readonly StringBuilder _text = new();

    public AriQuery Add(string key, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_text.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(key))
            .Append('=')
            .Append(Uri.EscapeDataString(value));
        return this;
    }

    public override string ToString() => _text.ToString();
}
