using CallPing.PbxSimulator;
using CallPing.PbxSimulator.Scripting;

namespace CallPing.TestSupport.Pbx;

/// <summary>
/// Five simulated PBXes in the test process, on 127.0.0.1: pbx-1 and pbx-2 on provider "a", pbx-3 on "b",
/// pbx-4 on "c", pbx-5 on "d". Silos under test reach them over real ARI HTTP and WebSocket.
/// </summary>
public sealed class SimulatorFleet : IAsyncDisposable
{
    public static readonly string[] Providers = ["a", "a", "b", "c", "d"];

    private SimulatorFleet(IReadOnlyList<SimulatedPbx> pbxes) => Pbxes = pbxes;

    public IReadOnlyList<SimulatedPbx> Pbxes { get; }

    public static string IdOf(int index) => $"pbx-{index + 1}";

    public SimulatedPbx this[string pbxId] => Pbxes[int.Parse(pbxId["pbx-".Length..]) - 1];

    public static async Task<SimulatorFleet> StartAsync()
    {
        var pbxes = new List<SimulatedPbx>();
        for (var i = 0; i < Providers.Length; i++)
        {
            var pbx = new SimulatedPbx(new SimulatorOptions { Trunk = $"trunk-{IdOf(i)}", Password = $"secret-{i}" });
            await pbx.StartAsync();
            pbxes.Add(pbx);
        }

        return new SimulatorFleet(pbxes);
    }

    /// <summary>Configuration that makes a silo's fleet these PBXes; <paramref name="change"/> may alter one PBX's entries.</summary>
    public Dictionary<string, string?> Settings(Action<int, Dictionary<string, string?>>? change = null)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < Pbxes.Count; i++)
        {
            var entry = new Dictionary<string, string?>
            {
                ["Id"] = IdOf(i),
                ["Provider"] = Providers[i],
                ["AriBaseUrl"] = Pbxes[i].BaseUrl.ToString(),
                ["User"] = Pbxes[i].Options.User,
                ["Password"] = Pbxes[i].Options.Password,
                ["App"] = "callping",
                ["DialEndpoint"] = $"PJSIP/{{number}}@{Pbxes[i].Options.Trunk}",
            };
            change?.Invoke(i, entry);
            foreach (var (key, value) in entry)
            {
                settings[$"Pbx:Fleet:{i}:{key}"] = value;
            }
        }

        return settings;
    }

    /// <summary>Scripts how a number behaves, on every PBX or on the given ones.</summary>
    public void Script(string number, PhoneScript script, params string[] onPbxes)
    {
        foreach (var pbx in onPbxes.Length == 0 ? Pbxes : onPbxes.Select(id => this[id]))
        {
            pbx.Scripts.Set(number, script);
        }
    }

    public int OriginatesOn(string pbxId) => this[pbxId].Log.Originates.Count;

    public async ValueTask DisposeAsync()
    {
        foreach (var pbx in Pbxes)
        {
            await pbx.DisposeAsync();
        }
    }
}
