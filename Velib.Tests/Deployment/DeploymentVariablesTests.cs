using k8s.Models;
using Velib.Silo.Hosting;
using Velib.Tests.Support;

namespace Velib.Tests.Deployment;

/// <summary>The deployment table of docs/operations.md against the AppHost's model and the code, so that they never drift.</summary>
[Integration]
public sealed class DeploymentVariablesTests
{
    [Fact]
    public async Task The_deployment_doc_lists_every_variable_the_AppHost_gives_a_process_that_matters_off_its_machine()
    {
        var appHost = await AppHostVariables.LoadAsync();
        foreach (var process in ProcessVariables.Processes)
        {
            var listed = DeploymentDoc.Rows.Where(r => r.Process == process).Select(r => r.Variable).ToHashSet();
            var given = appHost[process].Environment.Keys.Where(k => !k.StartsWith("OTEL_", StringComparison.Ordinal)
                && k is not "ASPNETCORE_URLS" and not "ASPNETCORE_ENVIRONMENT" and not "DOTNET_LAUNCH_PROFILE");
            Assert.All(given, name => Assert.True(listed.Contains(name), $"the AppHost gives the {process} {name}, which the Deployment table of docs/operations.md does not list"));
        }
    }

    [Fact]
    public void Every_variable_the_deployment_doc_lists_is_one_its_process_reads()
    {
        Assert.NotEmpty(DeploymentDoc.Rows);
        Assert.All(DeploymentDoc.Rows, row =>
            Assert.True(ProcessVariables.Reads(row.Process, row.Variable), $"docs/operations.md lists {row.Variable} for the {row.Process}, which never reads it"));
    }

    [Fact]
    public async Task The_deployment_doc_marks_as_required_every_variable_a_process_needs_on_any_host()
    {
        var appHost = await AppHostVariables.LoadAsync();
        foreach (var process in ProcessVariables.Processes)
        {
            var required = DeploymentDoc.Rows.Where(r => r.Process == process && r.Required).Select(r => r.Variable).ToHashSet();
            Assert.All(ProcessVariables.Required(process, appHost[process]).Except(KubernetesHosting.PodVariables),
                name => Assert.True(required.Contains(name), $"docs/operations.md does not mark {name} as required for the {process}"));
        }
    }

    [KubectlFact]
    public async Task Every_Secret_key_the_pods_use_is_created_by_the_deployment_doc_commands()
    {
        var manifests = await Kustomize.LoadAsync(KubernetesManifestTests.Base);
        var references = manifests.PodTemplates().SelectMany(t => t.Template.Spec.Containers).SelectMany(c => c.Env ?? [])
            .Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>().ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            var command = DeploymentDoc.Section.Split("kubectl", StringSplitOptions.None)
                .FirstOrDefault(c => c.Contains($"create secret generic {reference.Name} ", StringComparison.Ordinal));
            Assert.True(command is not null, $"docs/operations.md never creates the Secret {reference.Name}");
            Assert.Contains($"--from-literal={reference.Key}=", command);
        }
    }
}
