namespace Velib.Lake.Reading;

/// <summary>What is accepted but not yet in S3 (the silo's spool); a reader of S3 alone has nothing pending.</summary>
public interface IPendingRows
{
    Task<SpoolContents> ContentsAsync();
}
