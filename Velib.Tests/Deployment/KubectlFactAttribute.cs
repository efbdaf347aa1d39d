namespace Velib.Tests.Deployment;

/// <summary>
/// A fact that renders the manifests with kubectl. Without kubectl on PATH it is skipped with that reason, even under
/// CI: kubectl (with its built-in kustomize) is not offered by the package registries this project installs from,
/// so a fresh machine cannot get it by itself.
/// </summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (Kustomize.Kubectl is null)
        {
            Skip = "Needs kubectl (with kustomize) on PATH to render deploy/kubernetes; not found.";
        }
    }
}
