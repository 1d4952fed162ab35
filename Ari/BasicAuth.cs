using System.Text;

namespace CallPing.Ari;

internal static class BasicAuth
{
    public static string HeaderValue(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
