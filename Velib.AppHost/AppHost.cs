using Velib.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Resources: the archive's S3 (a local s3rver unless Velib:S3 points at a real service).
var s3 = builder.AddVelibS3();

// Orleans: development clustering needs no database, so the app runs with no container engine.
var orleans = builder.AddOrleans("cluster")
    .WithDevelopmentClustering()
    .WithMemoryReminders()
    .WithMemoryGrainStorage("Default");

// Projects
var silo = builder.AddProject<Projects.Velib_Silo>("silo")
    .WithOrleansSilo(orleans)
    .WithVelibSettings()
    .WithS3(s3)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Velib_Web>("web")
    .WithOrleansClientOf(orleans, silo)
    .WithVelibSettings()
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WaitFor(silo);

builder.Build().Run();
