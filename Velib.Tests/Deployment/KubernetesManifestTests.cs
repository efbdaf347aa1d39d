using k8s.Models;
using Velib.Tests.Support;

namespace Velib.Tests.Deployment;

/// <summary>deploy/kubernetes renders, parses strictly, and its objects refer to one another correctly.</summary>
[Integration]
public sealed class KubernetesManifestTests
{
    public const string Base = "deploy/kubernetes";
    public const string AwsOverlay = "deploy/kubernetes/overlays/aws-s3";

    [KubectlFact]
    public async Task The_kustomization_and_its_AWS_overlay_render_and_every_document_parses_strictly()
    {
        foreach (var directory in new[] { Base, AwsOverlay })
        {
            var manifests = await Kustomize.LoadAsync(directory);
            Assert.Equal(1, manifests.One<V1StatefulSet>("store").Spec.Replicas);
            Assert.Equal(3, manifests.One<V1Deployment>("silo").Spec.Replicas);
            Assert.Equal(2, manifests.One<V1Deployment>("web").Spec.Replicas);
            manifests.One<V1Service>("web");
            manifests.One<V1Service>("store");
            manifests.One<V1ConfigMap>("velib-s3");
            manifests.One<V1Role>("velib-silo");
            manifests.One<V1RoleBinding>("velib-silo");
            manifests.One<V1PodDisruptionBudget>("velib-silo");
            Assert.All(manifests.Objects.OfType<IMetadata<V1ObjectMeta>>().Where(o => o is not V1Namespace),
                o => Assert.Equal("velib", o.Metadata.NamespaceProperty));
        }
    }

    [KubectlFact]
    public async Task Every_selector_and_reference_matches_an_object_that_exists()
    {
        var manifests = await Kustomize.LoadAsync(Base);
        var templates = manifests.PodTemplates().ToList();
        foreach (var deployment in manifests.All<V1Deployment>())
        {
            Assert.True(Manifests.Selects(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels), $"{deployment.Metadata.Name}'s selector misses its own pods");
        }
        foreach (var set in manifests.All<V1StatefulSet>())
        {
            Assert.True(Manifests.Selects(set.Spec.Selector.MatchLabels, set.Spec.Template.Metadata.Labels), $"{set.Metadata.Name}'s selector misses its own pods");
            manifests.One<V1Service>(set.Spec.ServiceName);
        }
        foreach (var service in manifests.All<V1Service>())
        {
            var selected = Assert.Single(templates, t => Manifests.Selects(service.Spec.Selector, t.Template.Metadata.Labels));
            var ports = selected.Template.Spec.Containers.SelectMany(c => c.Ports).Select(p => p.Name).ToList();
            Assert.All(service.Spec.Ports, p => Assert.Contains(p.TargetPort.Value, ports));
        }
        foreach (var budget in manifests.All<V1PodDisruptionBudget>())
        {
            Assert.Single(templates, t => Manifests.Selects(budget.Spec.Selector.MatchLabels, t.Template.Metadata.Labels));
        }
        var binding = manifests.One<V1RoleBinding>("velib-silo");
        manifests.One<V1Role>(binding.RoleRef.Name);
        var account = manifests.One<V1ServiceAccount>(Assert.Single(binding.Subjects).Name);
        Assert.Equal(account.Metadata.Name, manifests.One<V1Deployment>("silo").Spec.Template.Spec.ServiceAccountName);
        var configMaps = manifests.All<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);
        foreach (var reference in templates.SelectMany(t => t.Template.Spec.Containers).SelectMany(c => c.Env ?? []).Select(e => e.ValueFrom?.ConfigMapKeyRef).OfType<V1ConfigMapKeySelector>())
        {
            Assert.True(reference.Optional == true || configMaps[reference.Name].Data.ContainsKey(reference.Key), $"ConfigMap {reference.Name} has no {reference.Key}");
        }
    }

    [KubectlFact]
    public async Task The_silos_carry_the_Orleans_Kubernetes_hosting_labels_and_environment()
    {
        var manifests = await Kustomize.LoadAsync(Base);
        var pod = manifests.One<V1Deployment>("silo").Spec.Template;
        var env = manifests.Container("silo").Env.ToDictionary(e => e.Name);
        var appHost = (await AppHostVariables.LoadAsync())["silo"].Environment;
        // The ServiceId keys grain state and reminders: Kubernetes must use the AppHost's.
        Assert.Equal(appHost["Orleans__ServiceId"], pod.Metadata.Labels["orleans/serviceId"]);
        Assert.False(string.IsNullOrEmpty(pod.Metadata.Labels["orleans/clusterId"]));
        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom.FieldRef.FieldPath);
        foreach (var (variable, label) in new[] { ("ORLEANS_SERVICE_ID", "orleans/serviceId"), ("ORLEANS_CLUSTER_ID", "orleans/clusterId"),
                     ("Orleans__ServiceId", "orleans/serviceId"), ("Orleans__ClusterId", "orleans/clusterId") })
        {
            Assert.Equal($"metadata.labels['{label}']", env[variable].ValueFrom.FieldRef.FieldPath);
        }
        // The web is a client of the same cluster.
        var web = manifests.Container("web").Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(pod.Metadata.Labels["orleans/serviceId"], web["Orleans__ServiceId"]);
        Assert.Equal(pod.Metadata.Labels["orleans/clusterId"], web["Orleans__ClusterId"]);
    }

    [KubectlFact]
    public async Task The_AWS_overlay_sends_the_archive_to_the_region_without_an_endpoint()
    {
        var data = (await Kustomize.LoadAsync(AwsOverlay)).One<V1ConfigMap>("velib-s3").Data;
        Assert.DoesNotContain("Velib__S3__ServiceUrl", data.Keys);
        Assert.Equal("false", data["Velib__S3__ForcePathStyle"]);
        Assert.Matches("^[a-z]{2}-[a-z]+-[0-9]$", data["Velib__S3__Region"]);
    }
}
