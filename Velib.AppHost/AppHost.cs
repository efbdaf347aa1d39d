using Velib.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Resources: the store (a local Garnet unless ConnectionStrings:store names one) and the archive's S3
// (a local s3rver unless Velib:S3 points at a real service).
var (store, localStore) = builder.AddVelibStore();
var s3 = builder.AddVelibS3();

// Orleans: membership, reminders and grain state all live in the store, so any silo can fail.
var orleans = builder.AddVelibCluster(store);

// Projects: Velib:Cluster:Silos silos (2 by default) and the web, an Orleans client that finds
// the gateways in the membership table.
builder.AddVelibSilos(orleans, silo => silo
    .WithVelibSettings(VelibSettings.Silo)
    .WithS3(s3)
    .WaitForStore(localStore)
    .WithVelibHealth()
    .WithSiloCommands());

// The web keeps no state per rider (the map runs in the browser, Data Protection keys are in the store), so it
// scales out: Velib:Web:Replicas processes (1 by default) behind DCP's proxy, or riders straight to the one.
// It starts beside the silos, not after them: it retries its first connection until a silo answers, so its own
// start is off the time to the map, and the map comes up even while a silo is Degraded.
builder.AddProject<Projects.Velib_Web>("web")
    .WithPlainHttp()
    .WithWebReplicas()
    .WithReference(orleans.AsClient())
    .WithVelibSettings(VelibSettings.Web)
    .WithExternalHttpEndpoints()
    .WaitForLocalStore(localStore)
    .WithVelibHealth();

builder.Build().Run();
