using Velib.Lake.Cli;
using Velib.Tests.Support;

namespace Velib.Tests.Import;

/// <summary>The importer's command line: exit codes and settings in the AppHost's form.</summary>
[Integration]
public sealed class CommandLineTests(SharedS3 shared) : IClassFixture<SharedS3>, IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string[] S3Args(string prefix) =>
    [
        $"--Velib:S3:ServiceUrl={shared.Server.ServiceUrl}", "--Velib:S3:ForcePathStyle=true", $"--Velib:S3:Bucket={shared.Server.Bucket}",
        $"--Velib:S3:AccessKey={shared.Server.AccessKey}", "--Velib:S3:SecretKey", shared.Server.SecretKey, $"--Velib:Archive:Prefix={prefix}",
    ];

    [Fact]
    public async Task An_import_from_the_command_line_exits_zero_and_writes_under_the_configured_prefix()
    {
        var prefix = $"cli-{Guid.NewGuid():N}/";
        var path = await _files.WriteAsync("status.parquet", ImportFiles.Network(3));

        var exit = await LakeCommandLine.InvokeAsync(["import", path, .. S3Args(prefix)]);

        Assert.Equal(0, exit);
        using var s3 = shared.Server.Client();
        Assert.NotEmpty(await ArchiveObjects.Keys(s3, shared.Server.Bucket, prefix + "checkpoints/"));
    }

    [Fact]
    public async Task Bad_input_or_bad_settings_exit_non_zero_and_write_nothing()
    {
        var prefix = $"cli-{Guid.NewGuid():N}/";
        var rows = ImportFiles.Network(3);
        rows[2].Mechanical = -4;
        var bad = await _files.WriteAsync("bad.parquet", rows);

        Assert.Equal(2, await LakeCommandLine.InvokeAsync(["import", bad, .. S3Args(prefix)]));
        Assert.Equal(2, await LakeCommandLine.InvokeAsync(["import", _files.PathOf("missing.parquet"), .. S3Args(prefix)]));
        Assert.Equal(2, await LakeCommandLine.InvokeAsync(["import", bad, .. S3Args("no-slash")]));
        using var s3 = shared.Server.Client();
        Assert.Empty(await ArchiveObjects.Keys(s3, shared.Server.Bucket, prefix));
    }
}
