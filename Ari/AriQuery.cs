using System.Text;

namespace CallPing.Ari;

/// <summary>Builds a query string. ARI keeps only the last of a repeated key, so a list goes in a JSON body instead.</summary>
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
