namespace Allometry.Core.Postgres.Imports.Staging;

/// <summary>Where <see cref="BinaryCopyEncoder"/> gets empty chunks and hands over full ones.</summary>
internal interface ICopyChunkSink
{
    /// <summary>An empty chunk to fill (a recycled one when available).</summary>
    byte[] Rent();

    /// <summary>Takes <paramref name="count"/> bytes of <paramref name="chunk"/>; the chunk is the sink's until it rents it out again.</summary>
    void Publish(byte[] chunk, int count);
}
