namespace Allometry.Adapters.Ledger.Tests.Writing;

/// <summary>A scratch directory deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("allometry-writer-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Folder(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
