using System.Xml.Linq;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Velib.Tests.Support;
using Velib.Store;

namespace Velib.Tests.Deployment;

/// <summary>What deploy/kubernetes gives each process agrees with what its code reads and listens on.</summary>
[Integration]
public sealed class KubernetesProcessTests
{
    private static readonly Dictionary<string, string> Projects = new() { ["store"] = "Velib.Store", ["silo"] = "Velib.Silo", ["web"] = "Velib.Web" };

    [KubectlFact]
    public async Task Every_variable_a_container_sets_is_one_its_process_reads_and_every_required_one_is_set()
    {
        var manifests = await Kustomize.LoadAsync(KubernetesManifestTests.Base);
        var appHost = await AppHostVariables.LoadAsync();
        foreach (var process in ProcessVariables.Processes)
        {
            var set = manifests.Container(process).Env.Select(e => e.Name).ToList();
            Assert.Equal(set.Count, set.Distinct().Count());
            Assert.All(set, name => Assert.True(ProcessVariables.Reads(process, name), $"the {process} container sets {name}, which the {process} never reads"));
            Assert.All(ProcessVariables.Required(process, appHost[process]), name => Assert.True(set.Contains(name), $"the {process} container misses {name}"));
        }
    }

    [KubectlFact]
    public async Task The_container_ports_agree_with_the_settings_and_with_the_images()
    {
        var manifests = await Kustomize.LoadAsync(KubernetesManifestTests.Base);
        foreach (var process in ProcessVariables.Processes)
        {
            var container = manifests.Container(process);
            var env = container.Env.Where(e => e.Value is not null).ToDictionary(e => e.Name, e => e.Value);
            var ports = container.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
            var expected = process switch
            {
                "store" => new Dictionary<string, int> { ["redis"] = int.Parse(container.Args[container.Args.IndexOf("--port") + 1], System.Globalization.CultureInfo.InvariantCulture) },
                "silo" => new Dictionary<string, int>
                {
                    ["http"] = int.Parse(env["ASPNETCORE_HTTP_PORTS"], System.Globalization.CultureInfo.InvariantCulture),
                    ["orleans-silo"] = int.Parse(env["Orleans__Endpoints__SiloPort"], System.Globalization.CultureInfo.InvariantCulture),
                    ["orleans-gateway"] = int.Parse(env["Orleans__Endpoints__GatewayPort"], System.Globalization.CultureInfo.InvariantCulture),
                },
                _ => new Dictionary<string, int> { ["http"] = int.Parse(env["ASPNETCORE_HTTP_PORTS"], System.Globalization.CultureInfo.InvariantCulture) },
            };
            Assert.Equal(expected.OrderBy(p => p.Key), ports.OrderBy(p => p.Key));
            Assert.Equal(ImagePorts(process).Order(), ports.Values.Order());
        }
    }

    [KubectlFact]
    public async Task The_probes_ask_for_the_health_endpoints_that_the_processes_map()
    {
        var manifests = await Kustomize.LoadAsync(KubernetesManifestTests.Base);
        foreach (var process in new[] { "silo", "web" })
        {
            var container = manifests.Container(process);
            Assert.Equal(Microsoft.Extensions.Hosting.Extensions.AlivenessEndpointPath, container.LivenessProbe.HttpGet.Path);
            Assert.Equal(Microsoft.Extensions.Hosting.Extensions.HealthEndpointPath, container.ReadinessProbe.HttpGet.Path);
            Assert.All(new[] { container.LivenessProbe, container.ReadinessProbe, container.StartupProbe }.OfType<V1Probe>(),
                probe => Assert.Equal("http", probe.HttpGet.Port.Value));
        }
        Assert.Equal("redis", manifests.Container("store").ReadinessProbe.TcpSocket.Port.Value);
    }

    [KubectlFact]
    public async Task The_silos_roll_one_at_a_time_and_are_given_longer_than_their_own_graceful_stop()
    {
        var manifests = await Kustomize.LoadAsync(KubernetesManifestTests.Base);
        var silo = manifests.One<V1Deployment>("silo").Spec;
        Assert.Equal("0", silo.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal("1", silo.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal("1", manifests.One<V1PodDisruptionBudget>("velib-silo").Spec.MaxUnavailable.Value);
        // The host stops within its shutdown timeout, which bounds the archive's last flush; the pod must not be killed before.
        Assert.True(silo.Template.Spec.TerminationGracePeriodSeconds > new HostOptions().ShutdownTimeout.TotalSeconds,
            $"terminationGracePeriodSeconds {silo.Template.Spec.TerminationGracePeriodSeconds} s is not above the host's {new HostOptions().ShutdownTimeout.TotalSeconds} s");
        Assert.All(manifests.PodTemplates(), t => Assert.True(t.Template.Spec.SecurityContext.RunAsNonRoot, $"{t.Workload} may run as root"));
    }

    [KubectlFact]
    public async Task The_store_runs_with_the_AppHost_flags_on_a_persistent_volume_with_its_password_from_a_Secret()
    {
        var manifests = await Kustomize.LoadAsync(KubernetesManifestTests.Base);
        var store = manifests.One<V1StatefulSet>("store").Spec;
        var container = manifests.Container("store");
        var appHost = (await AppHostVariables.LoadAsync())["store"].Arguments;
        // The same flags in the same order; the address, the port and the folder are the host's own.
        Assert.Equal(Masked(appHost), Masked([.. container.Args]));
        var folder = container.Args[container.Args.IndexOf("--checkpointdir") + 1];
        var volume = Assert.Single(store.VolumeClaimTemplates);
        Assert.StartsWith(Assert.Single(container.VolumeMounts, m => m.Name == volume.Metadata.Name).MountPath + "/", folder);
        var password = Assert.Single(container.Env, e => e.Name == StoreArguments.PasswordVariable);
        Assert.Equal("velib-store", password.ValueFrom.SecretKeyRef.Name);
        Assert.DoesNotContain(container.Args, a => a.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> Masked(IReadOnlyList<string> args) =>
        [.. args.Select((a, i) => i > 0 && args[i - 1] is "--bind" or "--port" or "--checkpointdir" or "--logdir" ? "<host>" : a)];

    /// <summary>The ports the project's image declares (<c>ContainerPort</c> items of its project file).</summary>
    private static IEnumerable<int> ImagePorts(string process) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, Projects[process], $"{Projects[process]}.csproj")).Descendants("ContainerPort")
            .Select(p => int.Parse(p.Attribute("Include")!.Value, System.Globalization.CultureInfo.InvariantCulture));
}
