namespace Allometry.Core.Postgres.Tests.Imports.Staging;

using Allometry.Core.Postgres.Imports.Staging;

public sealed class CopyPipeTests
{
    [Fact]
    public void Run_ProducerPublishesManyChunks_WrittenInOrder()
    {
        // Arrange
        using var pipe = new CopyPipe(CancellationToken.None);
        using var destination = new MemoryStream();

        // Act
        var result = pipe.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                var chunk = pipe.Rent();
                chunk[0] = (byte)i;
                pipe.Publish(chunk, 1);
            }
            return 42;
        }, destination);

        // Assert
        Assert.Equal(42, result);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), destination.ToArray());
    }

    [Fact]
    public void Run_ProducerThrows_SameExceptionRethrown()
    {
        using var pipe = new CopyPipe(CancellationToken.None);

        var error = Assert.Throws<InvalidDataException>(() => pipe.Run<int>(() => throw new InvalidDataException("bad row"), Stream.Null));

        Assert.Equal("bad row", error.Message);
    }

    [Fact]
    public void Run_WriteFails_ProducerStoppedAndWriteErrorThrown()
    {
        // Arrange
        using var pipe = new CopyPipe(CancellationToken.None);
        var published = 0;

        // Act
        var error = Assert.Throws<IOException>(() => pipe.Run(() =>
        {
            while (true)
            {
                pipe.Publish(pipe.Rent(), 10);
                published++;
            }
#pragma warning disable CS0162 // the loop only ends by the pipe stopping it
            return 0;
#pragma warning restore CS0162
        }, new FailingStream()));

        // Assert
        Assert.Equal("socket closed", error.Message);
        Assert.InRange(published, 1, CopyPipe.Depth + 2);
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set { } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("socket closed");
    }
}
