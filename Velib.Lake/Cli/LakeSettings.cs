using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Velib.Lake.Import;

namespace Velib.Lake.Cli;

/// <summary>
/// The importer's S3 and archive settings, read like the AppHost's: <c>--Velib:S3:…</c> and <c>--Velib:Archive:…</c>
/// on the command line, or <c>Velib__S3__…</c> in the environment. With neither a service URL nor a region given, it
/// is the local s3rver of a running app (its fixed port and key pair, from this project's velib-lake.json).
/// </summary>
public sealed record LakeSettings(S3Options S3, ImportOptions Import)
{
    public static LakeSettings From(IEnumerable<string> args)
    {
        var given = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. args]).Build();
        var builder = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("velib-lake.json", optional: false);
        var defaults = builder.Build();
        var s3 = new S3Options();
        if (given["Velib:S3:ServiceUrl"] is null && given["Velib:S3:Region"] is null)
        {
            // Setting a service URL or a region turns the local s3rver off, as in the AppHost.
            defaults.GetSection("Local:S3").Bind(s3);
            var port = given.GetValue("Velib:S3:LocalPort", defaults.GetValue<int>("Local:S3:LocalPort"));
            s3.ServiceUrl = $"http://127.0.0.1:{port}";
        }
        given.GetSection(S3Options.Section).Bind(s3);
        var import = new ImportOptions();
        given.GetSection(ImportOptions.Section).Bind(import);
        Validate(s3, S3Options.Section);
        Validate(import, ImportOptions.Section);
        return new LakeSettings(s3, import);
    }

    private static void Validate(object options, string section)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new ValidationException($"{section}: {string.Join("; ", errors.Select(e => e.ErrorMessage))}");
        }
    }
}
