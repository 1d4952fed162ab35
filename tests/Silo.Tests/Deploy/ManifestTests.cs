using System.Globalization;

namespace CallPing.Silo.Tests.Deploy;

/// <summary>
/// deploy/k8s read as kubectl would apply it: every object complete and every reference pointing at something real.
/// The silos (Silo:Roles=worker, a Deployment or a StatefulSet) form the Orleans cluster; the web pods are its clients.
/// </summary>
public sealed class ManifestTests
{
    private const string SiloPort = "11111";
    private const string GatewayPort = "30000";
    private static readonly TimeSpan HostShutdownTimeout = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<Manifest> _all = Manifest.All();

    private IEnumerable<Manifest> Workloads => _all.Where(m => m.Kind is "Deployment" or "StatefulSet");

    private Manifest Web => Assert.Single(_all, m => m.Kind == "Deployment" && m.Name == "callping-web");

    /// <summary>The silos' workload: the one whose pods run the Silo host in the worker role.</summary>
    private Manifest Silo => Assert.Single(Workloads, w => Containers(w).Any(c => Env(c).GetValueOrDefault("Silo__Roles") == "worker"));

    private IReadOnlyDictionary<string, string> Config => Manifest.Map(Assert.Single(_all, m => m.Kind == "ConfigMap").Root, "data");

    [Fact]
    public void EveryDocument_Always_HasApiVersionKindAndName()
    {
        Assert.True(_all.Count >= 9, $"only {_all.Count} documents");
        Assert.All(_all, m =>
        {
            Assert.False(string.IsNullOrEmpty(Manifest.Text(m.Root, "apiVersion")), m.ToString());
            Assert.False(string.IsNullOrEmpty(m.Kind), m.ToString());
            Assert.False(string.IsNullOrEmpty(m.Name), m.ToString());
        });
    }

    [Fact]
    public void Workloads_Selector_MatchesTemplateLabels()
    {
        Assert.All(Workloads, d =>
        {
            var selector = Manifest.Map(d.Root, "spec.selector.matchLabels");
            Assert.NotEmpty(selector);
            Assert.True(Selects(selector, Labels(d)), $"{d}: selector does not match its pod labels");
        });
    }

    [Fact]
    public void Workloads_EveryContainer_HasRequestsLimitsAndLockedDownSecurityContext()
    {
        Assert.All(Workloads.SelectMany(d => Containers(d).Select(c => (Deployment: d, Container: c))), x =>
        {
            foreach (var key in new[] { "resources.requests.cpu", "resources.requests.memory", "resources.limits.cpu", "resources.limits.memory" })
            {
                Assert.False(string.IsNullOrEmpty(Manifest.At(x.Container, key)?.ToString()), $"{x.Deployment}: {key} missing");
            }

            Assert.Equal("true", Manifest.Text(x.Container, "securityContext.runAsNonRoot"));
            Assert.Equal("true", Manifest.Text(x.Container, "securityContext.readOnlyRootFilesystem"));
            Assert.Equal("false", Manifest.Text(x.Container, "securityContext.allowPrivilegeEscalation"));
            Assert.Equal(["ALL"], Manifest.List(x.Container, "securityContext.capabilities.drop"));
            var tmp = Assert.Single(Manifest.List(x.Container, "volumeMounts"), v => Manifest.Text(v, "mountPath") == "/tmp");
            var volume = Assert.Single(Manifest.List(x.Deployment.Root, "spec.template.spec.volumes"), v => Manifest.Text(v, "name") == Manifest.Text(tmp, "name"));
            Assert.NotNull(Manifest.At(volume, "emptyDir"));
        });
    }

    [Fact]
    public void WebDeployment_Probes_ReadyzForReadinessHealthzForLiveness()
    {
        var web = Assert.Single(Containers(Web));

        Assert.Equal("/readyz", Manifest.Text(web, "readinessProbe.httpGet.path"));
        Assert.Equal("/healthz", Manifest.Text(web, "livenessProbe.httpGet.path"));
        Assert.Equal("web", Env(web)["Silo__Roles"]);
    }

    [Fact]
    public void SiloWorkload_Env_AdvertisesThePodIpFromDownwardApi()
    {
        var silo = Assert.Single(Containers(Silo));
        var env = Manifest.List(silo, "env").ToList();

        Assert.Equal("status.podIP", Manifest.Text(env.Single(e => Manifest.Text(e, "name") == "POD_IP"), "valueFrom.fieldRef.fieldPath"));
        Assert.Equal("$(POD_IP)", Env(silo)["Silo__AdvertisedAddress"]);
        // $(POD_IP) expands only when POD_IP is defined earlier in the list.
        Assert.True(env.FindIndex(e => Manifest.Text(e, "name") == "POD_IP") < env.FindIndex(e => Manifest.Text(e, "name") == "Silo__AdvertisedAddress"));
    }

    [Fact]
    public void SiloWorkload_OrleansPorts_AreTheSettingsAndContainerPorts()
    {
        var silo = Assert.Single(Containers(Silo));
        var containerPorts = Manifest.List(silo, "ports").Select(p => Manifest.Text(p, "containerPort")).ToList();

        // Unset, the Silo host listens on Orleans' usual ports.
        var siloPort = Setting(silo, "Silo__SiloPort") ?? SiloPort;
        var gatewayPort = Setting(silo, "Silo__GatewayPort") ?? GatewayPort;

        Assert.Equal((SiloPort, GatewayPort), (siloPort, gatewayPort));
        Assert.Contains(siloPort, containerPorts);
        Assert.Contains(gatewayPort, containerPorts);
    }

    [Fact]
    public void SiloWorkload_Probes_ReadyzForReadinessHealthzForLiveness()
    {
        var silo = Assert.Single(Containers(Silo));

        Assert.Equal("/readyz", Manifest.Text(silo, "readinessProbe.httpGet.path"));
        Assert.Equal("/healthz", Manifest.Text(silo, "livenessProbe.httpGet.path"));
    }

    [Fact]
    public void SiloWorkload_TerminationGrace_OutlastsTheHostsShutdown()
    {
        // Within the host's shutdown timeout Orleans deactivates the silo's grains (closing its PBX connections) and
        // leaves the cluster, so survivors take its PBXes at once rather than after failure detection declares it dead.
        var shutdown = Setting(Assert.Single(Containers(Silo)), "HostOptions__ShutdownTimeout") is { } configured
            ? TimeSpan.Parse(configured, CultureInfo.InvariantCulture)
            : HostShutdownTimeout;

        var grace = int.Parse(Manifest.Text(Silo.Root, "spec.template.spec.terminationGracePeriodSeconds")!, CultureInfo.InvariantCulture);

        Assert.True(grace > shutdown.TotalSeconds, $"grace {grace} s, host shutdown {shutdown}");
    }

    [Fact]
    public void Workloads_ClusterIdentity_SameForWebClientsAndSilos()
    {
        (string? ClusterId, string? ServiceId) Identity(Manifest workload)
        {
            var container = Assert.Single(Containers(workload));
            return (Setting(container, "Silo__ClusterId"), Setting(container, "Silo__ServiceId"));
        }

        var (web, silo) = (Identity(Web), Identity(Silo));

        // A client joins only the cluster whose ids it names; unset, both sides use the same defaults.
        Assert.Equal(silo, web);
    }

    [Fact]
    public void Settings_Everywhere_NameNoSettingOfTheRetiredRuntime()
    {
        // The home-made runtime's settings are ignored by the Orleans hosts; leaving them in would mislead operators.
        string[] retired = ["GrainRuntime__", "Reminders__", "Outbox__", "Silo__SiloId", "Silo__HeartbeatInterval", "Silo__DeadAfter", "Pbx__LeaseDuration"];

        var names = Config.Keys.Concat(Workloads.SelectMany(Containers).SelectMany(c => Manifest.List(c, "env")).Select(e => Manifest.Text(e, "name") ?? "")).ToList();

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, n => retired.Any(r => n.StartsWith(r, StringComparison.Ordinal)));
    }

    [Fact]
    public void Hpa_ScaleTarget_IsWebDeployment()
    {
        var hpa = Assert.Single(_all, m => m.Kind == "HorizontalPodAutoscaler");

        Assert.Equal("Deployment", Manifest.Text(hpa.Root, "spec.scaleTargetRef.kind"));
        Assert.Equal(Web.Name, Manifest.Text(hpa.Root, "spec.scaleTargetRef.name"));
    }

    [Fact]
    public void PodDisruptionBudget_Selector_SelectsWebPodsOnly()
    {
        var budgets = _all.Where(m => m.Kind == "PodDisruptionBudget").ToList();

        var web = Assert.Single(budgets, b => Selects(Manifest.Map(b.Root, "spec.selector.matchLabels"), Labels(Web)));

        Assert.False(Selects(Manifest.Map(web.Root, "spec.selector.matchLabels"), Labels(Silo)));
    }

    [Fact]
    public void Service_SelectorAndTargetPort_MatchWebPods()
    {
        var service = WebService;
        var containerPorts = Containers(Web).SelectMany(c => Manifest.List(c, "ports")).ToList();

        var targetPorts = Manifest.List(service.Root, "spec.ports").Select(p => Manifest.Text(p, "targetPort")).ToList();

        Assert.False(Selects(Manifest.Map(service.Root, "spec.selector"), Labels(Silo)));
        Assert.NotEmpty(targetPorts);
        Assert.All(targetPorts, t => Assert.Contains(containerPorts, p => Manifest.Text(p, "containerPort") == t || Manifest.Text(p, "name") == t));
    }

    [Fact]
    public void Ingress_Backends_AreWebServicePorts()
    {
        var service = WebService;
        var servicePorts = Manifest.List(service.Root, "spec.ports");
        var ingress = Assert.Single(_all, m => m.Kind == "Ingress");

        var backends = Manifest.List(ingress.Root, "spec.rules").SelectMany(r => Manifest.List(r, "http.paths")).Select(p => Manifest.At(p, "backend.service")).ToList();

        Assert.NotEmpty(backends);
        Assert.All(backends, b =>
        {
            Assert.Equal(service.Name, Manifest.Text(b, "name"));
            Assert.Contains(servicePorts, p => Manifest.Text(p, "name") == Manifest.Text(b, "port.name") || Manifest.Text(p, "port") == Manifest.Text(b, "port.number"));
        });
    }

    [Fact]
    public void KeyRefs_Everywhere_PointToKeysThatExist()
    {
        var keys = _all.Where(m => m.Kind is "Secret" or "ConfigMap")
            .SelectMany(m => Manifest.Map(m.Root, "stringData").Keys.Concat(Manifest.Map(m.Root, "data").Keys).Select(k => $"{m.Kind}/{m.Name}/{k}"))
            .ToHashSet(StringComparer.Ordinal);

        var refs = Workloads.SelectMany(Containers).SelectMany(c => Manifest.List(c, "env"))
            .SelectMany(e => new[] { ("Secret", Manifest.At(e, "valueFrom.secretKeyRef")), ("ConfigMap", Manifest.At(e, "valueFrom.configMapKeyRef")) })
            .Where(r => r.Item2 is not null)
            .Select(r => $"{r.Item1}/{Manifest.Text(r.Item2, "name")}/{Manifest.Text(r.Item2, "key")}")
            .ToList();
        var envFrom = Workloads.SelectMany(Containers).SelectMany(c => Manifest.List(c, "envFrom")).Select(e => Manifest.Text(e, "configMapRef.name")).ToList();

        Assert.Contains("Secret/callping-secrets/storage-connection-string", refs);
        Assert.All(refs, r => Assert.Contains(r, keys));
        Assert.All(envFrom, name => Assert.Contains(_all, m => m.Kind == "ConfigMap" && m.Name == name));
    }

    [Fact]
    public void Settings_ClusterPods_UsePostgresWithSecretsFromTheSecret()
    {
        var config = Config;

        Assert.Equal("Postgres", config["Storage__Provider"]);
        Assert.Equal("json", config["Logging__Console__FormatterName"]);
        // Silos keep membership, state and reminders there; web pods find the silos' gateways there.
        Assert.All(Workloads.SelectMany(Containers), c =>
        {
            Assert.Equal("callping-secrets", Manifest.Text(SecretRef(c, "Storage__ConnectionString"), "name"));
            var fleet = config.Keys.Where(k => k.StartsWith("Pbx__Fleet__", StringComparison.Ordinal) && k.EndsWith("__Id", StringComparison.Ordinal));
            Assert.All(fleet, id => Assert.NotNull(SecretRef(c, id[..^"Id".Length] + "Password")));
            Assert.DoesNotContain(config.Keys, k => k.EndsWith("Password", StringComparison.Ordinal) || k.StartsWith("Admin__", StringComparison.Ordinal));
        });
        Assert.Equal("admin-token", Manifest.Text(SecretRef(Assert.Single(Containers(Web)), "Admin__Token"), "key"));
    }

    /// <summary>The one Service in front of the web pods.</summary>
    private Manifest WebService => Assert.Single(_all, m => m.Kind == "Service" && Selects(Manifest.Map(m.Root, "spec.selector"), Labels(Web)));

    /// <summary>A setting as the container sees it: its own env value, else the ConfigMap's; null when neither sets it.</summary>
    private string? Setting(object container, string name) =>
        Env(container).TryGetValue(name, out var value) ? value : Config.TryGetValue(name, out var shared) ? shared : null;

    private static IReadOnlyList<object> Containers(Manifest deployment) => Manifest.List(deployment.Root, "spec.template.spec.containers");

    private static IReadOnlyDictionary<string, string> Labels(Manifest deployment) => Manifest.Map(deployment.Root, "spec.template.metadata.labels");

    private static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    private static Dictionary<string, string> Env(object container) =>
        Manifest.List(container, "env").Where(e => Manifest.Text(e, "value") is not null)
            .ToDictionary(e => Manifest.Text(e, "name")!, e => Manifest.Text(e, "value")!, StringComparer.Ordinal);

    private static object? SecretRef(object container, string name) =>
        Manifest.At(Manifest.List(container, "env").FirstOrDefault(e => Manifest.Text(e, "name") == name), "valueFrom.secretKeyRef");
}
