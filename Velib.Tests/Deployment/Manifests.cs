using k8s;
using k8s.Models;

namespace Velib.Tests.Deployment;

/// <summary>The rendered objects, with the look-ups the tests need.</summary>
public sealed record Manifests(IReadOnlyList<IKubernetesObject> Objects)
{
    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T One<T>(string name) where T : IMetadata<V1ObjectMeta> =>
        Assert.Single(All<T>(), o => o.Metadata.Name == name);

    /// <summary>Every pod template, with the name of the workload that owns it.</summary>
    public IEnumerable<(string Workload, V1PodTemplateSpec Template)> PodTemplates() =>
        All<V1Deployment>().Select(d => (d.Metadata.Name, d.Spec.Template))
            .Concat(All<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template)));

    public V1Container Container(string workload) => Assert.Single(
        PodTemplates().Where(t => t.Workload == workload).SelectMany(t => t.Template.Spec.Containers));

    /// <summary>Whether <paramref name="selector"/> selects the pods of <paramref name="labels"/>.</summary>
    public static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);
}
