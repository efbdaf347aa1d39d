namespace Velib.Lake.Import;

/// <summary>What a folder of GBFS files holds: observations in time order, stations lists, and what was skipped.</summary>
/// <param name="Skipped">Files that could not be used, each with its reason.</param>
/// <param name="SkippedRecords">Station records skipped inside usable files (a bad id, count or flag, or a duplicate).</param>
internal sealed record GbfsFolderContents(List<Observation> Observations, List<StationRow> Stations,
    List<ImportInputException> Skipped, int SkippedRecords);
